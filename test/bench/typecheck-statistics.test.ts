import { describe, expect, it } from 'vitest';
import { parseProjectStatistics } from '../../bench/typecheck.js';

// The shape `tsc -b --verbose --extendedDiagnostics` prints (TypeScript 5.9), shortened.
const OUTPUT = `[10:00:00] Projects in this build:
    * services/tsconfig.json
    * tsconfig.platform.json

[10:00:00] Project 'services/tsconfig.json' is out of date because output file '.tsbuild/services.tsbuildinfo' does not exist

[10:00:00] Building project '/repo/services/tsconfig.json'...

Files:                         905
Instantiations:             314013
Program time:                1.25s
Bind time:                   0.50s
Check time:                  3.75s
Emit time:                   0.40s
Total time:                  5.90s
[10:00:06] Project 'tsconfig.platform.json' is out of date because output file '.tsbuild/platform.tsbuildinfo' does not exist

[10:00:06] Building project '/repo/tsconfig.platform.json'...

Files:                         779
Instantiations:              62775
Program time:                0.80s
Bind time:                   0.30s
Check time:                  2.00s
Emit time:                   0.35s
Total time:                  3.45s
`;

describe('parseProjectStatistics', () => {
  it('gives each project the statistics printed after it was named', () => {
    const projects = parseProjectStatistics(OUTPUT);
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
    expect(projects[1]?.checkMs).toBe(2000);
  });
});
