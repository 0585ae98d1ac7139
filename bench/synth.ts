import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureNode, type ProcessMeasurement } from './measure-process.js';

export interface SynthBenchmark {
  /** Where the deep-import run synthesized to, for the policy scan; the caller removes it. */
  outdir: string;
  deepImports: ProcessMeasurement;
  barrelImports: ProcessMeasurement;
  /** Barrel ÷ deep, measured in the same run. */
  wallRatio: number;
  rssRatio: number;
}

async function synthesize(entry: string, outdir: string): Promise<ProcessMeasurement> {
  const measurement = await measureNode(['--import', 'tsx', entry], { CDKTF_OUTDIR: outdir });
  if (measurement.exitCode !== 0) throw new Error(`${entry} failed: ${measurement.stderr.trim()}`);
  return measurement;
}

/** Synthesizes every environment twice: as shipped (deep imports) and with the provider barrels loaded. */
export async function benchmarkSynth(): Promise<SynthBenchmark> {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
  const deepImports = await synthesize('bin/main.ts', outdir);
  const barrelOutdir = mkdtempSync(join(tmpdir(), 'bench-synth-barrels-'));
  let barrelImports: ProcessMeasurement;
  try {
    barrelImports = await synthesize('bench/synth-with-barrels.ts', barrelOutdir);
  } finally {
    rmSync(barrelOutdir, { recursive: true, force: true });
  }
  return {
    outdir,
    deepImports,
    barrelImports,
    wallRatio: barrelImports.wallMs / deepImports.wallMs,
    rssRatio: barrelImports.peakRssMiB / deepImports.peakRssMiB,
  };
}
