/**
 * Measures what synthesizing the platform costs: wall time and peak resident memory of the cdktf
 * app (bin/main.ts), per environment and for all of them together (what `cdktf synth` runs).
 *
 *   npx tsx scripts/measure-synth.ts [--runs 3]
 *
 * Each run is a fresh Node process writing into a temporary folder; peak RSS and CPU time come
 * from the child's own process.resourceUsage() at exit, so no external `time` tool is needed.
 * CPU time (user + system) is the figure to compare on a busy machine, where wall time swells.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
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

interface Sample {
  seconds: number;
  cpuSeconds: number;
  peakMiB: number;
}

function measureOnce(environments: string, workdir: string): Sample {
  const usageFile = path.join(workdir, 'usage.json');
  const outdir = path.join(workdir, 'cdktf.out');
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', path.join(workdir, 'report-usage.mjs'), path.join(ROOT, 'bin/main.ts')],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        PROMPTSALES_ENVIRONMENTS: environments,
        CDKTF_OUTDIR: outdir,
        USAGE_FILE: usageFile,
      },
    },
  );
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`synth of ${environments} failed (${run.status}):\n${run.stderr}`);
  rmSync(outdir, { recursive: true, force: true });
  // resourceUsage(): maxRSS in kibibytes, CPU times in microseconds.
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
  return {
    seconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    peakMiB: usage.maxRSS / 1024,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function main(): void {
  const runs = option('runs', 3);
  const workdir = mkdtempSync(path.join(tmpdir(), 'promptsales-measure-'));
  writeFileSync(
    path.join(workdir, 'report-usage.mjs'),
    "import { writeFileSync } from 'node:fs';\n" +
      "process.on('exit', () => writeFileSync(process.env.USAGE_FILE, JSON.stringify(process.resourceUsage())));\n",
  );
  try {
    console.log(
      `Node ${process.version}, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ${runs} runs each`,
    );
    console.log(
      `Load average before: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      '| environments | wall time median (s) | wall time max (s) | CPU time median (s) | ' +
        'peak RSS median (MiB) | peak RSS max (MiB) |',
    );
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const target of TARGETS) {
      const samples = Array.from({ length: runs }, () => measureOnce(target.environments, workdir));
      const seconds = samples.map((s) => s.seconds);
      const peaks = samples.map((s) => s.peakMiB);
      const cpu = samples.map((s) => s.cpuSeconds);
      console.log(
        `| ${target.label} | ${median(seconds).toFixed(2)} | ${Math.max(...seconds).toFixed(2)} | ` +
          `${median(cpu).toFixed(2)} | ` +
          `${median(peaks).toFixed(0)} | ${Math.max(...peaks).toFixed(0)} |`,
      );
    }
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }
}

main();
