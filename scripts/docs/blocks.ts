import { type CheckOutcome, RELIABILITY_COLUMNS, reliabilityRow } from '../../bench/reliability-rows.js';
import {
  drfComparisonLine,
  type ServicesCostSection,
  servicesCostRows,
  servicesCostTitle,
} from '../../bench/services-table.js';
import type { CalibrateResults } from '../../bin/commands/calibrate-results.js';
import type { Machine } from '../../lib/machine.js';
import { FORMATS } from './formats.js';
import type { CatalogueRule } from './rule-catalogue.js';
import type { FigureSource } from './sources.js';

/**
 * The generated parts of the docs: `<!-- table <kind>:<name> -->` … `<!-- /table -->`, each from the
 * newest file of its kind that holds what it `needs`.
 */
export const BLOCKS: Record<
  string,
  {
    needs: string;
    render: (source: FigureSource) => string;
    /** Written while no file holds `needs` (a table added before its first run); without it, that is an error. */
    untilMeasured?: string;
  }
> = {
  'bench:machine': { needs: 'machine', render: (source) => machineLine(source, 'Measured') },
  'bench:synth': { needs: 'synth', render: synthTable },
  'bench:services': { needs: 'services', render: servicesTable },
  'bench:services-cost': {
    needs: 'services.lists',
    render: servicesCostBlock,
    untilMeasured: 'Not measured yet: `npm run bench -- --only services` measures it.',
  },
  'calibrate:peak': {
    needs: 'measured.deploymentPods',
    render: calibratePeakBlock,
    untilMeasured:
      'Not measured yet: `npm run bench -- --only services` runs `promptsales calibrate --write-results` against PromptAds.',
  },
  'reliability:machine': {
    needs: 'durationSeconds',
    render: (source) =>
      `${machineLine(source, 'Run')} The suite took ${FORMATS.duration!((source.data as ReliabilityResults).durationSeconds)}.`,
  },
  'reliability:records': { needs: 'records', render: reliabilityTable },
  'reliability:totals': { needs: 'totals', render: reliabilityTotals },
  'rules:catalogue': { needs: 'rules', render: catalogueTable },
};

interface ProcessFigures {
  wallMs: number;
  cpuMs: number;
  peakRssMiB: number;
}

interface BenchResults {
  date: string;
  machine: Machine;
  synth: { deepImports: ProcessFigures; barrelImports: ProcessFigures; wallRatio: number; rssRatio: number };
  services: {
    results: {
      service: string;
      endpoint: string;
      load: {
        requestsPerSecond: number;
        latencyMs: { p50: number; p99: number };
        errors: number;
        non2xx: number;
      };
    }[];
  };
}

interface ReliabilityResults {
  date: string;
  machine: Machine;
  durationSeconds: number;
  totals: Record<string, number | string>;
  records: CheckOutcome[];
}

const cell = (text: string) => text.replaceAll('|', '\\|');

function markdownTable(header: string[], alignments: ('l' | 'r')[], rows: string[][]): string {
  const line = (row: string[]) => `| ${row.join(' | ')} |`;
  const rule = `|${alignments.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`;
  return [line(header), rule, ...rows.map((row) => line(row.map(cell)))].join('\n');
}

function machineLine(source: FigureSource, verb: string): string {
  const { date, machine } = source.data as { date: string; machine: Machine };
  const load = machine.loadAverageAtStart[0];
  return (
    `${verb} on ${date}: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ` +
    `Node ${machine.node}, ${machine.platform}, load average ${load === undefined ? 'unknown' : load.toFixed(1)} ` +
    `at the start; figures from \`${source.file}\`.`
  );
}

function synthTable(source: FigureSource): string {
  const { synth } = source.data as BenchResults;
  const row = (label: string, p: ProcessFigures) => [
    label,
    FORMATS.s!(p.wallMs),
    FORMATS.s!(p.cpuMs),
    FORMATS.MiB!(p.peakRssMiB),
  ];
  return markdownTable(
    ['imports', 'wall time', 'CPU time', 'peak RSS'],
    ['l', 'r', 'r', 'r'],
    [
      row('deep (as shipped)', synth.deepImports),
      row('provider barrels', synth.barrelImports),
      ['barrels ÷ deep', FORMATS.ratio!(synth.wallRatio), '', FORMATS.ratio!(synth.rssRatio)],
    ],
  );
}

function servicesTable(source: FigureSource): string {
  const { services } = source.data as BenchResults;
  return markdownTable(
    ['service', 'endpoint', 'req/s', 'p50', 'p99', 'errors', 'non-2xx'],
    ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
    services.results.map(({ service, endpoint, load }) => [
      service,
      `\`${endpoint}\``,
      FORMATS.count!(load.requestsPerSecond),
      FORMATS.ms!(load.latencyMs.p50),
      FORMATS.ms!(load.latencyMs.p99),
      FORMATS.count!(load.errors),
      FORMATS.count!(load.non2xx),
    ]),
  );
}

function servicesCostBlock(source: FigureSource): string {
  const { services } = source.data as { services: ServicesCostSection };
  const [header, ...rows] = servicesCostRows(services);
  return [
    machineLine(source, 'Measured'),
    '',
    `${servicesCostTitle(services)}:`,
    '',
    markdownTable(header!, ['l', ...header!.slice(1).map(() => 'r' as const)], rows),
    '',
    drfComparisonLine(services),
  ].join('\n');
}

function calibratePeakBlock(source: FigureSource): string {
  const results = source.data as CalibrateResults;
  const { measured, reference } = results;
  const row = (label: string, sizing: CalibrateResults['measured']) => [
    label,
    FORMATS['req/s']!(sizing.perPodRps),
    FORMATS.count!(sizing.platformPods.value),
    FORMATS.count!(sizing.deploymentPods.value),
  ];
  return [
    machineLine(source, 'Calibrated'),
    '',
    `Knee of one PromptAds process at \`${new URL(results.url).pathname}\`: ${results.knee.connections} connections, ` +
      `${FORMATS['req/s']!(results.perProcessRps)} (${results.knee.reason}); × ${results.processesPerPod} processes per pod. ` +
      `Peak: ${FORMATS.count!(results.peakRpm)} req/min.`,
    '',
    markdownTable(
      ['benchmark', 'effective req/s per pod', 'pods at peak (one deployment)', 'pods at peak (traffic mix)'],
      ['l', 'r', 'r', 'r'],
      [row('reference document', reference), row('calibrated PromptAds', measured)],
    ),
    '',
    `Traffic mix, calibrated: ${measured.deploymentPods.working}; ` +
      `${FORMATS.ratio!(results.podsRatio)} the reference document's ${FORMATS.count!(reference.platformPods.value)} pods.`,
  ].join('\n');
}

function reliabilityTable(source: FigureSource): string {
  const { records } = source.data as ReliabilityResults;
  return markdownTable(RELIABILITY_COLUMNS, ['l', 'l', 'l', 'l'], records.map(reliabilityRow));
}

function reliabilityTotals(source: FigureSource): string {
  const { totals, records } = source.data as ReliabilityResults;
  const line =
    `Totals: load held ${totals.loadHeld} · faults survived ${totals.faultsSurvived} · rolling restarts clean ` +
    `${totals.rollingRestartsClean} · bad inputs tried ${FORMATS.count!(totals.badInputsTried)} · ` +
    `writes lost ${totals.writesLost}.`;
  const faults = records.filter((r) => r.check === 'fault');
  const sum = (name: string) => faults.reduce((total, r) => total + Number(r.figures[name] ?? 0), 0);
  if (faults.length === 0 || faults.some((r) => r.figures['stored unacknowledged'] === undefined))
    return line;
  return (
    `${line} Writes stored although their client was answered 503 (the commit reached the database, the ` +
    `answer was cut): ${FORMATS.count!(sum('stored unacknowledged'))} of ` +
    `${FORMATS.count!(sum('attempted'))} in the fault checks.`
  );
}

function catalogueTable(source: FigureSource): string {
  const { rules } = source.data as { rules: CatalogueRule[] };
  const code = (items: readonly string[]) => items.map((item) => `\`${item}\``);
  return markdownTable(
    [
      'Rule',
      'Severity',
      'Checks that',
      'Resource types',
      'Reference section',
      'Anchors',
      'Parameters',
      'Packs',
    ],
    ['l', 'l', 'l', 'l', 'l', 'l', 'l', 'l'],
    rules.map((rule) => [
      `\`${rule.id}\``,
      rule.severity,
      rule.title,
      code(rule.resourceTypes).join(', '),
      rule.section ?? '–',
      rule.anchors.length > 0 ? code(rule.anchors).join(' ') : '–',
      rule.parameters === null ? '–' : `\`${rule.parameters}\``,
      rule.packs.join(', '),
    ]),
  );
}
