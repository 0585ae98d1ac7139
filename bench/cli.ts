import { measureNode, median } from './measure-process.js';

export interface CommandBenchmark {
  command: string;
  runs: number;
  medianWallMs: number;
  medianPeakRssMiB: number;
}

/** Cold starts of `promptsales <args>`: a fresh Node process each run, the median reported. */
export async function benchmarkCommand(args: string[], runs = 5): Promise<CommandBenchmark> {
  const measurements = [];
  for (let run = 0; run < runs; run++) {
    const measurement = await measureNode(['bin/promptsales.js', ...args]);
    if (measurement.exitCode !== 0 && measurement.exitCode !== 1) {
      throw new Error(`promptsales ${args.join(' ')} failed: ${measurement.stderr.trim()}`);
    }
    measurements.push(measurement);
  }
  return {
    command: `promptsales ${args.join(' ')}`,
    runs,
    medianWallMs: median(measurements.map((m) => m.wallMs)),
    medianPeakRssMiB: median(measurements.map((m) => m.peakRssMiB)),
  };
}
