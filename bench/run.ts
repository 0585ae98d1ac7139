/**
 * `npm run bench`: measures, prints and records; it asserts nothing. Synthesis (deep imports against
 * the provider barrels, in the same run), the compiled CLI's cold start against `node -e 0`, a cold
 * `tsc -b`, the policy scan and the services under load. Results go to bench/results/<date>.json with
 * the machine they were measured on.
 *
 * `npm run bench -- --only cli,typecheck` measures some sections and updates them in the day's file,
 * keeping the others (the policy scan needs the synthesis).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { alignColumns } from '../lib/columns.js';
import { describeMachine } from '../lib/machine.js';
import { benchmarkCommand } from './cli.js';
import { benchmarkPolicyScan } from './policy-scan.js';
import { describeServiceRuntime } from './service-runtime.js';
import { benchmarkServices } from './services.js';
import { drfComparisonLine, servicesCostRows, servicesCostTitle } from './services-table.js';
import { benchmarkSynth } from './synth.js';
import { benchmarkTypecheck } from './typecheck.js';

const SECTIONS = ['synth', 'cli', 'typecheck', 'policy', 'services'] as const;
type Section = (typeof SECTIONS)[number];
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only?.split(',').map((name) => name.trim());
const unknownSections = only?.filter((name) => !(SECTIONS as readonly string[]).includes(name)) ?? [];
if (unknownSections.length > 0) {
  console.error(`--only: unknown section ${unknownSections.join(', ')}; expected ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const wanted = (section: Section) => !only || only.includes(section);
const figures: Record<string, unknown> = {};

// BENCH_RESULTS_DIR: somewhere else than bench/results/ (a trial run whose figures are not to be kept).
const RESULTS_DIR = process.env.BENCH_RESULTS_DIR
  ? pathToFileURL(`${resolve(process.env.BENCH_RESULTS_DIR)}/`)
  : new URL('./results/', import.meta.url);

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mib = (value: number) => `${value.toFixed(0)} MiB`;

function printTable(title: string, header: string[], rows: string[][]): void {
  console.log(`\n${title}\n${alignColumns([header, ...rows], '  ')}`);
}

const machine = describeMachine();
console.log(
  `Machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; ` +
    `load average ${machine.loadAverageAtStart.join(' ')}`,
);

const synth = wanted('synth') || wanted('policy') ? await benchmarkSynth() : undefined;
if (synth) {
  const { outdir: _outdir, ...synthFigures } = synth;
  figures.synth = synthFigures;
  printTable(
    'Synthesis of every environment (dev + prod, 16 stacks)',
    ['imports', 'wall', 'CPU', 'peak RSS'],
    [
      [
        'deep (as shipped)',
        ms(synth.deepImports.wallMs),
        ms(synth.deepImports.cpuMs),
        mib(synth.deepImports.peakRssMiB),
      ],
      [
        'provider barrels',
        ms(synth.barrelImports.wallMs),
        ms(synth.barrelImports.cpuMs),
        mib(synth.barrelImports.peakRssMiB),
      ],
      ['barrels ÷ deep', `${synth.wallRatio.toFixed(1)} ×`, '', `${synth.rssRatio.toFixed(1)} ×`],
    ],
  );
}

if (wanted('cli')) {
  const cli = await benchmarkCommand(['capacity', '--format', 'json']);
  figures.cli = cli;
  printTable(
    `CLI cold start, compiled (median of ${cli.runs}, alternating with node -e 0)`,
    ['command', 'wall', 'peak RSS'],
    [
      [cli.command, ms(cli.medianWallMs), mib(cli.medianPeakRssMiB)],
      [cli.baseline.command, ms(cli.baseline.medianWallMs), ''],
      ['command ÷ node -e 0', `${cli.wallRatio.toFixed(1)} ×`, ''],
    ],
  );
}

if (wanted('typecheck')) {
  const typecheck = await benchmarkTypecheck();
  figures.typecheck = typecheck;
  const javascript = typecheck.javascriptCompiler;
  printTable(
    'Type-check from cold (npm run typecheck without .tsbuildinfo)',
    ['compiler', 'runs', 'median', 'min', 'max', 'CPU'],
    [
      [
        `TypeScript ${typecheck.version} (native, npm run typecheck)`,
        String(typecheck.runs),
        ms(typecheck.medianWallMs),
        ms(typecheck.minWallMs),
        ms(typecheck.maxWallMs),
        ms(typecheck.medianCpuMs),
      ],
      [
        `TypeScript ${javascript.version} (JavaScript)`,
        String(javascript.runs),
        ms(javascript.medianWallMs),
        '',
        '',
        ms(javascript.medianCpuMs),
      ],
    ],
  );
  console.log(`The native compiler checks ${typecheck.wallRatio.toFixed(1)} × faster (median wall time).`);
  printTable(
    'Type-check per project (one more cold tsc -b --extendedDiagnostics, native compiler)',
    ['project', 'files', 'instantiations', 'parse', 'check', 'emit', 'total'],
    typecheck.projects.map((p) => [
      p.project,
      String(p.files),
      p.instantiations.toLocaleString('en'),
      ms(p.parseMs),
      ms(p.checkMs),
      ms(p.emitMs),
      ms(p.totalMs),
    ]),
  );
}

if (synth && wanted('policy')) {
  const policy = benchmarkPolicyScan(synth.outdir);
  figures.policy = policy;
  printTable(
    `Policy scan (${policy.stacks} stacks, ${policy.resources} resources, ${policy.checks} checks; load + rules + SARIF)`,
    ['first scan', `median of ${policy.runs}`, 'median CPU'],
    [[ms(policy.firstScanMs), `${policy.medianScanMs.toFixed(1)} ms`, `${policy.medianCpuMs.toFixed(1)} ms`]],
  );
  printTable(
    'Slowest rules, each evaluated alone (median of 5)',
    ['rule', 'evaluation'],
    policy.slowestRules.map(({ rule, medianMs }) => [rule, `${medianMs.toFixed(1)} ms`]),
  );
}
if (synth) rmSync(synth.outdir, { recursive: true, force: true });

if (wanted('services')) {
  const services = await benchmarkServices({ calibrateResultsDir: fileURLToPath(RESULTS_DIR) });
  figures.services = services;
  printTable(
    `Services under load (compiled bundles on ${describeServiceRuntime(services.serviceRuntime)}, one process each, ` +
      `PROCESSES_PER_POD=1, ${services.connections} connections, ${services.durationSeconds} s; autocannon in the bench process)`,
    ['service', 'endpoint', 'req/s', 'p50', 'p99', 'errors', 'non-2xx'],
    services.results.map((r) => [
      r.service,
      r.endpoint,
      r.load.requestsPerSecond.toFixed(0),
      `${r.load.latencyMs.p50} ms`,
      `${r.load.latencyMs.p99} ms`,
      String(r.load.errors),
      String(r.load.non2xx),
    ]),
  );
  const [header, ...rows] = servicesCostRows(services);
  printTable(servicesCostTitle(services), header!, rows);
  console.log(drfComparisonLine(services));
  if (services.calibrate && !('skipped' in services.calibrate)) {
    console.log(
      `promptsales calibrate: ${services.calibrate.perProcessRps.toFixed(0)} req/s per process at the knee; ` +
        `${services.calibrate.podsAtPeak} pods at peak (traffic mix), written to ${services.calibrate.resultsFile}`,
    );
  }
}

const date = new Date().toISOString().slice(0, 10);
mkdirSync(RESULTS_DIR, { recursive: true });
const file = new URL(`${date}.json`, RESULTS_DIR);
// A partial run keeps the day's other sections; its machine description is the one of this run.
const earlier = only && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
writeFileSync(file, `${JSON.stringify({ ...earlier, date, machine, ...figures }, null, 2)}\n`);
console.log(`\nwrote ${file.pathname}`);
