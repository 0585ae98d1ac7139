import { describe, expect, it } from 'vitest';
import { parseProjectStatistics } from '../../bench/typecheck.js';

/** One project as `tsc -b --verbose --extendedDiagnostics` prints it (TypeScript 5.9), shortened. */
function projectOutput(path: string, files: number, instantiations: number, seconds: string[]): string {
  const [program, bind, check, emit, total] = seconds;
  return [
    `[10:00:00] Project '${path}' is out of date because output file '.tsbuild/x.tsbuildinfo' does not exist`,
    '',
    `[10:00:00] Building project '/repo/${path}'...`,
    '',
    `Files:                         ${files}`,
    `Instantiations:             ${instantiations}`,
    `Program time:                ${program}s`,
    `Bind time:                   ${bind}s`,
    `Check time:                  ${check}s`,
    `Emit time:                   ${emit}s`,
    `Total time:                  ${total}s`,
  ].join('\n');
}

describe('parseProjectStatistics', () => {
  it('gives each project the statistics printed after it was named', () => {
    const output = [
      '[10:00:00] Projects in this build:\n    * services/tsconfig.json\n    * tsconfig.platform.json\n',
      projectOutput('services/tsconfig.json', 905, 314013, ['1.25', '0.50', '3.75', '0.40', '5.90']),
      projectOutput('tsconfig.platform.json', 779, 62775, ['0.80', '0.30', '2.00', '0.35', '3.45']),
    ].join('\n');
    const projects = parseProjectStatistics(output);
    expect(
      projects.map((p) => [p.project.split('/').slice(-2).join('/'), p.files, p.instantiations]),
    ).toEqual([
      ['services/tsconfig.json', 905, 314013],
      ['repo/tsconfig.platform.json', 779, 62775],
    ]);
    expect(projects[0]).toMatchObject({
      programMs: 1250,
      bindMs: 500,
      checkMs: 3750,
      emitMs: 400,
      totalMs: 5900,
    });
    expect(projects[1]).toMatchObject({ checkMs: 2000, totalMs: 3450 });
  });
});
