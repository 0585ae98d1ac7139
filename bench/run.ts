/**
 * `npm run bench`: measures, prints and records; it asserts nothing. Synthesis (deep imports against
 * the provider barrels, in the same run), the CLI's cold start, the policy scan and the services
 * under load. Results go to bench/results/<date>.json with the machine they were measured on.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { alignColumns } from '../lib/columns.js';
import { benchmarkCommand } from './cli.js';
import { describeMachine } from './machine.js';
import { benchmarkPolicyScan } from './policy-scan.js';
import { benchmarkServices } from './services.js';
import { benchmarkSynth } from './synth.js';

const RESULTS_DIR = new URL('./results/', import.meta.url);

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

const synth = await benchmarkSynth();
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

const cli = await benchmarkCommand(['capacity', '--format', 'json']);
printTable(
  'CLI cold start (median of 5)',
  ['command', 'wall', 'peak RSS'],
  [[cli.command, ms(cli.medianWallMs), mib(cli.medianPeakRssMiB)]],
);

const policy = benchmarkPolicyScan(synth.outdir);
rmSync(synth.outdir, { recursive: true, force: true });
printTable(
  `Policy scan (${policy.stacks} stacks, ${policy.resources} resources, ${policy.checks} checks; load + rules + SARIF)`,
  ['first scan', `median of ${policy.runs}`],
  [[ms(policy.firstScanMs), `${policy.medianScanMs.toFixed(1)} ms`]],
);

const services = await benchmarkServices();
printTable(
  `Services under load (one service process, ${services.connections} connections, ${services.durationSeconds} s; autocannon in the bench process)`,
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

const date = new Date().toISOString().slice(0, 10);
mkdirSync(RESULTS_DIR, { recursive: true });
const file = new URL(`${date}.json`, RESULTS_DIR);
const { outdir: _outdir, ...synthFigures } = synth;
writeFileSync(
  file,
  `${JSON.stringify({ date, machine, synth: synthFigures, cli, policy, services }, null, 2)}\n`,
);
console.log(`\nwrote ${file.pathname}`);
