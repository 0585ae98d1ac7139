import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureNode, median } from './measure-process.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSC = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const BUILD_INFO = fileURLToPath(new URL('../.tsbuild/', import.meta.url));

export interface TypecheckBenchmark {
  command: string;
  runs: number;
  /** Cold: no .tsbuildinfo, every project checked from scratch. */
  medianWallMs: number;
  minWallMs: number;
  maxWallMs: number;
  medianCpuMs: number;
  medianPeakRssMiB: number;
}

/** `npm run typecheck` (`tsc -b`) from cold, `runs` times; the incremental state is removed before each. */
export async function benchmarkTypecheck(runs = 5): Promise<TypecheckBenchmark> {
  const measurements = [];
  for (let run = 0; run < runs; run++) {
    rmSync(BUILD_INFO, { recursive: true, force: true });
    const measurement = await measureNode([TSC, '-b', ROOT]);
    if (measurement.exitCode !== 0) throw new Error('tsc -b failed: `npm run typecheck` shows the errors');
    measurements.push(measurement);
  }
  const walls = measurements.map((m) => m.wallMs);
  return {
    command: 'tsc -b (cold)',
    runs,
    medianWallMs: median(walls),
    minWallMs: Math.min(...walls),
    maxWallMs: Math.max(...walls),
    medianCpuMs: median(measurements.map((m) => m.cpuMs)),
    medianPeakRssMiB: median(measurements.map((m) => m.peakRssMiB)),
  };
}
