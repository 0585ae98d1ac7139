/**
 * The per-request cost table of the services' lists, as `npm run bench` prints it and
 * docs/performance.md quotes it (scripts/docs/blocks.ts).
 */
import { describeServiceRuntime, type ServiceRuntimeRecord } from './service-runtime.js';
import type { DrfFigures, ListFigures } from './services.js';

/** The parts of a services section the table reads (a results file's `services`). */
export interface ServicesCostSection {
  /** Absent from files written before it was recorded: those ran the sources on the bench's Node. */
  serviceRuntime?: ServiceRuntimeRecord;
  connections: number;
  durationSeconds: number;
  lists: ListFigures[];
  drf: DrfFigures;
  drfCpuRatio?: number | undefined;
}

const NONE = '–';
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fixed = (digits: number) => (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? NONE : value.toFixed(digits);
const cpu = fixed(2);
const ms = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? NONE : `${whole.format(value)} ms`;
const times = (value: number | undefined) => (value === undefined ? NONE : `${value.toFixed(1)} ×`);
/** The generator's event-loop delay, p99 / max; absent from files written before it was recorded. */
const delay = ({ generatorDelayP99Ms: p99, generatorDelayMaxMs: max }: Partial<ListFigures['openLoop']>) =>
  p99 === undefined || max === undefined ? NONE : `${p99.toFixed(1)} / ${max.toFixed(1)} ms`;

export const SERVICES_COST_HEADER = [
  'service',
  'req/s',
  'p50',
  'p99',
  'CPU ms/req',
  'DB CPU ms/req',
  'floor CPU ms/req',
  'floor DB CPU ms/req',
  'ratio to floor',
  'open-loop p99 at 70 %',
  "generator's delay p99 / max",
];

export function servicesCostTitle(section: ServicesCostSection): string {
  const { serviceRuntime } = section;
  const runtime = serviceRuntime
    ? `compiled bundles on ${describeServiceRuntime(serviceRuntime)}`
    : "sources on the bench's Node";
  const floor = serviceRuntime
    ? `in a process of its own on the same Node, ${section.connections} lists at once`
    : 'in the bench process, one list at a time';
  const generator = serviceRuntime ? '; open loop from a generator process of its own' : '';
  return (
    `List of 100 rows, per request (one process per service, ${runtime}, ${section.connections} connections, ` +
    `${section.durationSeconds} s; CPU from /proc over the measured window ÷ 2xx answers; floor: use case + ` +
    `repository + the route's serializer, no HTTP, ${floor}${generator})`
  );
}

/** Header and rows: one per service list, then Django REST Framework when it ran. */
export function servicesCostRows(section: ServicesCostSection): string[][] {
  const rows = section.lists.map((list) => [
    `${list.service} \`${list.endpoint}\``,
    whole.format(list.requestsPerSecond),
    ms(list.latencyMs.p50),
    ms(list.latencyMs.p99),
    cpu(list.cpuMsPerRequest),
    cpu(list.dbCpuMsPerRequest),
    cpu(list.floorCpuMsPerRequest),
    cpu(list.floorDbCpuMsPerRequest),
    times(list.cpuRatioToFloor),
    ms(list.openLoop.p99),
    delay(list.openLoop),
  ]);
  const { drf } = section;
  if (!('skipped' in drf)) {
    rows.push([
      `Django REST Framework (gunicorn, ${drf.workers} sync workers) \`${drf.endpoint}\``,
      whole.format(drf.requestsPerSecond),
      ms(drf.latencyMs.p50),
      ms(drf.latencyMs.p99),
      cpu(drf.cpuMsPerRequest),
      cpu(drf.dbCpuMsPerRequest),
      NONE,
      NONE,
      NONE,
      ms(drf.openLoop.p99),
      delay(drf.openLoop),
    ]);
  }
  return [SERVICES_COST_HEADER, ...rows];
}

/** The line under the table: DRF against PromptAds, or why DRF was not measured. */
export function drfComparisonLine(section: ServicesCostSection): string {
  if ('skipped' in section.drf) return `Django REST Framework not measured: ${section.drf.skipped}.`;
  return (
    `Django REST Framework ÷ PromptAds, service + database CPU per request: ${times(section.drfCpuRatio)} ` +
    `(${cpu(section.drf.cpuMsPerRequest)} + ${cpu(section.drf.dbCpuMsPerRequest)} ms against ` +
    `${promptAdsTotal(section)} ms).`
  );
}

function promptAdsTotal(section: ServicesCostSection): string {
  const promptads = section.lists.find((list) => list.service === 'promptads');
  return promptads ? `${cpu(promptads.cpuMsPerRequest)} + ${cpu(promptads.dbCpuMsPerRequest)}` : NONE;
}
