import { describe, expect, it } from 'vitest';
import { childrenCpuMs, parseProjectStatistics } from '../../bench/typecheck.js';

/** One project as `tsc -b --verbose --extendedDiagnostics` prints it (TypeScript 7), shortened. */
function projectOutput(path: string, files: number, instantiations: number, seconds: string[]): string {
  const [parse, check, emit, total] = seconds;
  return [
    `12:41:47 PM - Project '${path}' is out of date because output file '.tsbuild/x.tsbuildinfo' does not exist`,
    '',
    `12:41:47 PM - Building project '/repo/${path}'...`,
    '',
    `Files:                    ${files}`,
    `Instantiations:           ${instantiations}`,
    'Memory used:          523894K',
    'Config time:           0.003s',
    `Parse time:            ${parse}s`,
    'Bind time:             0.000s',
    `Check time:            ${check}s`,
    `Emit time:             ${emit}s`,
    'Changes compute time:  0.191s',
    `Total time:            ${total}s`,
  ].join('\n');
}

describe('parseProjectStatistics', () => {
  it('gives each project the statistics printed after it was named', () => {
    const output = [
      '12:41:47 PM - Projects in this build: \n    * services/tsconfig.json\n    * tsconfig.platform.json\n',
      projectOutput('services/tsconfig.json', 831, 744027, ['0.591', '1.942', '0.235', '2.967']),
      projectOutput('tsconfig.platform.json', 906, 174260, ['0.588', '1.140', '0.204', '2.152']),
      'Projects in scope:                     4\nAggregate Files:                    2724',
    ].join('\n');
    const projects = parseProjectStatistics(output);
    expect(
      projects.map((p) => [p.project.split('/').slice(-2).join('/'), p.files, p.instantiations]),
    ).toEqual([
      ['services/tsconfig.json', 831, 744027],
      ['repo/tsconfig.platform.json', 906, 174260],
    ]);
    expect(projects[0]).toMatchObject({ parseMs: 591, checkMs: 1942, emitMs: 235, totalMs: 2967 });
    expect(projects[1]).toMatchObject({ checkMs: 1140, totalMs: 2152 });
  });
});

describe('childrenCpuMs', () => {
  it("adds the children's user and system time from the second line of `times`", () => {
    expect(childrenCpuMs('0m0.001s 0m0.002s\n0m5.338s 1m3.058s\n')).toBeCloseTo(5338 + 63058, 6);
  });

  it('refuses output that is not what `times` prints', () => {
    expect(() => childrenCpuMs('error: tsc not found')).toThrow(/not the output of times/);
  });
});
