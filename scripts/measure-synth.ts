/**
 * Measures what synthesizing the platform costs: wall time, CPU time and peak resident memory of the
 * cdktf app (bin/main.ts), per environment and for all of them together (what `cdktf synth` runs).
 *
 *   npx tsx scripts/measure-synth.ts [--runs 3]
 *
 * Each run is a fresh Node process writing into a temporary folder. CPU time (user + system) is the
 * figure to compare on a busy machine, where wall time swells.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { measureNode, median, type ProcessMeasurement } from '../bench/measure-process.js';

const TARGETS: { label: string; environments: string }[] = [
  { label: 'dev', environments: 'dev' },
  { label: 'prod', environments: 'prod' },
  { label: 'dev + prod (cdktf synth)', environments: 'dev,prod' },
];

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name}: expected a positive whole number\n`);
    process.exit(2);
  }
  return value;
}

async function synthesize(environments: string): Promise<ProcessMeasurement> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'promptsales-measure-'));
  try {
    const run = await measureNode(['--import', 'tsx', 'bin/main.ts'], {
      PROMPTSALES_ENVIRONMENTS: environments,
      CDKTF_OUTDIR: outdir,
    });
    if (run.exitCode !== 0)
      throw new Error(`synth of ${environments} failed (${run.exitCode}):\n${run.stderr}`);
    return run;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const runs = option('runs', 3);
console.log(
  `Node ${process.version}, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ${runs} runs each`,
);
console.log(
  `Load average before: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  '| environments | wall time median (s) | wall time max (s) | CPU time median (s) | peak RSS median (MiB) | peak RSS max (MiB) |',
);
console.log('|---|---:|---:|---:|---:|---:|');
for (const target of TARGETS) {
  const samples: ProcessMeasurement[] = [];
  for (let run = 0; run < runs; run++) samples.push(await synthesize(target.environments));
  const seconds = samples.map((s) => s.wallMs / 1000);
  const peaks = samples.map((s) => s.peakRssMiB);
  const cpu = samples.map((s) => s.cpuMs / 1000);
  console.log(
    `| ${target.label} | ${median(seconds).toFixed(2)} | ${Math.max(...seconds).toFixed(2)} | ${median(cpu).toFixed(2)} | ` +
      `${median(peaks).toFixed(0)} | ${Math.max(...peaks).toFixed(0)} |`,
  );
}
