/**
 * The per-request cost table of the services' lists, as `npm run bench` prints it and
 * docs/performance.md quotes it (scripts/docs/blocks.ts).
 */
import type { DrfFigures, ListFigures } from './services.js';

/** The parts of a services section the table reads (a results file's `services`). */
export interface ServicesCostSection {
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
];

export function servicesCostTitle(section: ServicesCostSection): string {
  return (
    `List of 100 rows, per request (one process per service, ${section.connections} connections, ` +
    `${section.durationSeconds} s; CPU from /proc over the measured window ÷ 2xx answers; floor: use case + ` +
    `repository + the route's serializer in a loop, no HTTP)`
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
