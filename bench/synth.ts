import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const barrelsPreload = fileURLToPath(new URL('./provider-barrels.mjs', import.meta.url));

/** Runs the cdktf app (bin/main.ts) into `outdir`, after the `preloads`. */
async function synthesize(outdir: string, preloads: string[] = []): Promise<ProcessMeasurement> {
  const imports = preloads.flatMap((preload) => ['--import', preload]);
  const measurement = await measureNode(['--import', 'tsx', ...imports, 'bin/main.ts'], {
    CDKTF_OUTDIR: outdir,
  });
  if (measurement.exitCode !== 0) throw new Error(`synth failed: ${measurement.stderr.trim()}`);
  return measurement;
}

/** Synthesizes every environment twice: as shipped (deep imports) and with the provider barrels loaded. */
export async function benchmarkSynth(): Promise<SynthBenchmark> {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
  const deepImports = await synthesize(outdir);
  const barrelOutdir = mkdtempSync(join(tmpdir(), 'bench-synth-barrels-'));
  let barrelImports: ProcessMeasurement;
  try {
    barrelImports = await synthesize(barrelOutdir, [barrelsPreload]);
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
