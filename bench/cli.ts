import { measureNode, median } from './measure-process.js';

export interface CommandBenchmark {
  command: string;
  runs: number;
  medianWallMs: number;
  medianPeakRssMiB: number;
  /** `node -e 0`, measured in the same run, alternating with the command. */
  baseline: { command: string; medianWallMs: number };
  /** Command ÷ `node -e 0`, median wall times. */
  wallRatio: number;
}

/**
 * Cold starts of the compiled `promptsales <args>` (dist/, built by `npm run build`) against a bare
 * `node -e 0`: a fresh Node process each run, the two alternating so that both see the same load.
 */
export async function benchmarkCommand(args: string[], runs = 7): Promise<CommandBenchmark> {
  const measurements = [];
  const baselines = [];
  for (let run = 0; run < runs; run++) {
    baselines.push(await measureNode(['-e', '0']));
    const measurement = await measureNode(['dist/promptsales.js', ...args]);
    if (measurement.exitCode !== 0 && measurement.exitCode !== 1) {
      throw new Error(`promptsales ${args.join(' ')} failed: ${measurement.stderr.trim()}`);
    }
    measurements.push(measurement);
  }
  const medianWallMs = median(measurements.map((m) => m.wallMs));
  const baselineWallMs = median(baselines.map((m) => m.wallMs));
  return {
    command: `promptsales ${args.join(' ')}`,
    runs,
    medianWallMs,
    medianPeakRssMiB: median(measurements.map((m) => m.peakRssMiB)),
    baseline: { command: 'node -e 0', medianWallMs: baselineWallMs },
    wallRatio: medianWallMs / baselineWallMs,
  };
}
