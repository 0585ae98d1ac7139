import { z } from 'zod';
import { fmt } from '../../calculators/figure.js';
import { type CapacityPlan, planCapacity } from '../../calculators/plan.js';
import { judgeSteps, littleLatencyMs, type SaturationRules } from '../../calculators/saturation.js';
import { processesPerPod } from '../../config/schema/capacity.js';
import { parseSpec } from '../../config/spec.js';
import { writeSpecFigure } from '../../config/write-spec.js';
import { alignColumns } from '../../lib/columns.js';
import { valueWithUnit } from '../report/format.js';
import { UsageError } from '../usage-error.js';
import { autocannonGenerator, type LoadGenerator, type MeasuredStep } from './calibrate-load.js';
import { calibrateResults, DEFAULT_RESULTS_DIR, writeCalibrateResults } from './calibrate-results.js';
import type { Command, CommandContext } from './context.js';
import { numberFlag, parseFlags, specInputFromArgs, withSpecOptions } from './spec-options.js';

/** A measurement with more failures than this says more about the service than about its capacity. */
export const MAX_FAILED_SHARE = 0.01;
/** Above this share of one CPU the load generator may be what saturates. */
export const MAX_GENERATOR_CPU_SHARE = 0.9;

const CalibrateFlags = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  duration: numberFlag
    .int('must be a whole number of seconds')
    .min(1, 'must be at least 1')
    .max(600, 'must be at most 600'),
  maxConnections: numberFlag
    .int('must be a whole number')
    .min(2, 'must be at least 2')
    .max(4096, 'must be at most 4096'),
  minGain: numberFlag.gt(0, 'must be greater than 0').lt(1, 'must be less than 1 (a fraction, e.g. 0.05)'),
  token: z.string().min(1, 'must not be empty').optional(),
  format: z.enum(['table', 'json']),
  write: z.string().optional(),
  writeResults: z.string().optional(),
});

interface Comparison {
  label: string;
  reference: number;
  measured: number;
  unit: string;
}

function compare(reference: CapacityPlan, measured: CapacityPlan): Comparison[] {
  const rows = (label: string, unit: string, pick: (plan: CapacityPlan) => number): Comparison => ({
    label,
    unit,
    reference: pick(reference),
    measured: pick(measured),
  });
  return [
    rows('Effective req/s per pod', 'req/s', (p) => p.scalability.effectivePerPodRps.value),
    rows('Pods at peak', 'pods', (p) => p.scalability.peakPods.value),
    rows('Node group minimum', 'nodes', (p) => p.nodeGroup.minSize.value),
    rows('Node group maximum', 'nodes', (p) => p.nodeGroup.maxSize.value),
    rows('p99 at peak', 'ms', (p) => p.latency.p99AtPeak.value),
    rows('Monthly bill at minimum', 'USD/month', (p) => p.bill.totalAtMin.value),
    rows('Monthly bill at maximum', 'USD/month', (p) => p.bill.totalAtMax.value),
  ];
}

function comparisonTable(rows: Comparison[], referenceRps: number, measuredRps: number): string {
  const header = [
    'Figure',
    `Reference (${fmt(referenceRps)} req/s)`,
    `Measured (${fmt(measuredRps)} req/s)`,
    'Difference',
  ];
  const cells = rows.map((r) => {
    const difference = r.measured - r.reference;
    const sign = difference > 0 ? '+' : '';
    return [
      r.label,
      valueWithUnit(r.reference, r.unit),
      valueWithUnit(r.measured, r.unit),
      `${sign}${fmt(difference)}`,
    ];
  });
  return alignColumns([header, ...cells]);
}

function stepsTable(steps: MeasuredStep[]): string {
  const header = ['connections', 'req/s', 'gain', 'p50 ms', 'p99 ms', 'failed', 'generator CPU'];
  const cells = steps.map((s, i) => {
    const previous = steps[i - 1];
    return [
      String(s.connections),
      fmt(s.requestsPerSecond),
      previous ? `${fmt((s.requestsPerSecond / previous.requestsPerSecond - 1) * 100, 1)} %` : '',
      fmt(s.latencyMs.p50),
      fmt(s.latencyMs.p99),
      `${fmt(s.failedShare * 100, 2)} %`,
      `${fmt(s.generatorCpuShare * 100)} %`,
    ];
  });
  return alignColumns([header, ...cells], '  ');
}

/** Doubles the connections from 1 until the knee, a refusal, or the connection limit. */
async function searchSaturation(
  generator: LoadGenerator,
  url: string,
  durationSeconds: number,
  headers: Record<string, string>,
  rules: SaturationRules,
) {
  const steps: MeasuredStep[] = [];
  let connections = 1;
  for (;;) {
    steps.push(await generator.step(url, connections, durationSeconds, headers));
    const verdict = judgeSteps(
      steps.map((s) => ({
        connections: s.connections,
        requestsPerSecond: s.requestsPerSecond,
        latencyP99Ms: s.latencyMs.p99,
        failedShare: s.failedShare,
        generatorCpuShare: s.generatorCpuShare,
      })),
      rules,
    );
    if (verdict.kind !== 'continue') return { steps, verdict };
    connections = verdict.nextConnections;
  }
}

export function calibrateCommand(
  context: CommandContext,
  generator: LoadGenerator = autocannonGenerator,
): Command {
  return {
    command: 'calibrate',
    describe: 'Find where one service process saturates and size the platform from it',
    builder: (yargs) =>
      withSpecOptions(yargs)
        .option('url', {
          type: 'string',
          demandOption: true,
          describe: 'the endpoint to measure (a list route) of ONE service process (PROCESSES_PER_POD=1)',
        })
        .option('duration', { type: 'number', default: 5, describe: 'seconds of load per step' })
        .option('max-connections', {
          type: 'number',
          default: 256,
          describe: 'the last step; connections double from 1 up to it',
        })
        .option('min-gain', {
          type: 'number',
          default: 0.05,
          describe: 'throughput growth below which doubling the connections counts as saturated',
        })
        .option('token', { type: 'string', describe: 'bearer token for an authenticated route' })
        .option('format', { type: 'string', default: 'table', describe: 'output: table, json' })
        .option('write', {
          type: 'string',
          describe: 'store the measured figures in this spec file (default: the spec read)',
        })
        .option('write-results', {
          type: 'string',
          describe: `store the knee and the pods it asks for at peak in <folder>/calibrate-<date>.json (default folder: ${DEFAULT_RESULTS_DIR}), where the docs quote them from`,
        })
        .example(
          'PROCESSES_PER_POD=1 npm run services & $0 calibrate --url http://127.0.0.1:3002/healthz',
          'find the knee of one process',
        )
        .example(
          '$0 calibrate --url http://127.0.0.1:3002/api/promptads/v1/campaigns --token "$TOKEN" --write',
          'size prod from it',
        ),
    handler: async (args) => {
      const flags = parseFlags(CalibrateFlags, {
        url: args.url,
        duration: args.duration,
        maxConnections: args.maxConnections,
        minGain: args.minGain,
        token: args.token,
        format: args.format,
        write: args.write,
        writeResults: args.writeResults,
      });
      const { input, source } = specInputFromArgs({ env: args.env, spec: args.spec });
      const spec = parseSpec(input, source);
      const headers: Record<string, string> = flags.token ? { authorization: `Bearer ${flags.token}` } : {};
      try {
        await generator.probe(flags.url, headers);
      } catch (error) {
        throw new UsageError([`--url: ${(error as Error).message}`]);
      }
      const objectiveMs = spec.requirements.latencyObjective.milliseconds;
      const { steps, verdict } = await searchSaturation(generator, flags.url, flags.duration, headers, {
        minGain: flags.minGain,
        objectiveMs,
        maxConnections: flags.maxConnections,
        maxFailedShare: MAX_FAILED_SHARE,
        maxGeneratorCpuShare: MAX_GENERATOR_CPU_SHARE,
      });
      const intro = [
        `Saturation search at ${flags.url}: ${flags.duration} s per step, connections doubling from 1 to at most ` +
          `${flags.maxConnections}; the knee is where throughput grows less than ${fmt(flags.minGain * 100)} % ` +
          `or p99 passes the spec's ${fmt(objectiveMs)} ms.`,
        'The load generator runs on this machine: against a local service it takes CPU from the service.',
        stepsTable(steps),
      ];
      if (verdict.kind === 'refused') {
        context.setExitCode(1);
        if (flags.format === 'json') {
          context.io.stdout(`${JSON.stringify({ steps, refused: verdict.reason }, null, 2)}\n`);
        } else {
          context.io.stdout(`${intro.join('\n')}\n`);
        }
        context.io.stderr(`calibrate: no capacity figure: ${verdict.reason}\n`);
        return;
      }
      const { knee } = verdict;
      const processes = processesPerPod(spec.pod);
      const perPodRps = knee.requestsPerSecond * processes;
      const latencyMs = littleLatencyMs(knee);
      const reference = planCapacity(spec);
      const benchmarks = {
        ...(input.benchmarks as object),
        perPodRps,
        perPodBenchmarkVcpu: spec.pod.cpuVcpu,
        perRequestLatencyMs: latencyMs,
      };
      const measured = planCapacity(parseSpec({ ...input, benchmarks }, source));
      const rows = compare(reference, measured);
      const resultsFile =
        flags.writeResults === undefined
          ? undefined
          : writeCalibrateResults(
              calibrateResults({
                url: flags.url,
                stepSeconds: flags.duration,
                steps,
                knee,
                reason: verdict.reason,
                processesPerPod: processes,
                perRequestLatencyMs: latencyMs,
                peakRpm: spec.requirements.peakRpm,
                measured,
                reference,
              }),
              flags.writeResults || DEFAULT_RESULTS_DIR,
            );
      const target = flags.write === undefined ? undefined : flags.write || source;
      if (target !== undefined) {
        const provenance = `measured ${new Date().toISOString().slice(0, 10)}: knee at ${knee.connections} connections, ${fmt(knee.requestsPerSecond)} req/s per process at ${flags.url}`;
        writeSpecFigure(target, ['benchmarks', 'perPodRps'], Number(perPodRps.toFixed(2)), provenance);
        writeSpecFigure(
          target,
          ['benchmarks', 'perPodBenchmarkVcpu'],
          spec.pod.cpuVcpu,
          'the pod the knee was scaled to',
        );
        writeSpecFigure(
          target,
          ['benchmarks', 'perRequestLatencyMs'],
          Number(latencyMs.toFixed(3)),
          "Little's law at the knee",
        );
      }
      if (flags.format === 'json') {
        const json = {
          steps,
          knee: { ...knee, reason: verdict.reason },
          perProcessRps: knee.requestsPerSecond,
          processesPerPod: processes,
          perPodRps,
          perRequestLatencyMs: latencyMs,
          written: target,
          resultsFile,
          comparison: rows,
        };
        context.io.stdout(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      const lines = [
        ...intro,
        '',
        `Knee: ${knee.connections} connection${knee.connections === 1 ? '' : 's'}, ${fmt(knee.requestsPerSecond)} req/s per process (${verdict.reason}).`,
        `  per pod: req/s per process × processes per pod = ${fmt(knee.requestsPerSecond)} × ${processes} = ${fmt(perPodRps)} req/s`,
        `  per-request latency, Little's law at the knee: connections ÷ req/s = ${knee.connections} ÷ ${fmt(knee.requestsPerSecond)} = ${fmt(latencyMs)} ms`,
        `  at peak, ${fmt(spec.requirements.peakRpm)} req/min split by the traffic mix: ${measured.latency.deploymentPeakPods.working} pods, ` +
          `against ${fmt(reference.scalability.peakPods.value)} pods at peak from the spec's benchmark`,
        '',
        comparisonTable(rows, spec.benchmarks.perPodRps, perPodRps),
      ];
      if (target !== undefined) {
        lines.push(
          '',
          `Wrote benchmarks.perPodRps = ${fmt(perPodRps)}, perPodBenchmarkVcpu = ${spec.pod.cpuVcpu} and perRequestLatencyMs = ${fmt(latencyMs, 3)} to ${target}.`,
        );
      }
      if (resultsFile !== undefined)
        lines.push('', `Wrote the calibration and the pods it asks for at peak to ${resultsFile}.`);
      context.io.stdout(`${lines.join('\n')}\n`);
    },
  };
}
