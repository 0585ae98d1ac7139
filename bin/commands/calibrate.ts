import { z } from 'zod';
import { fmt } from '../../calculators/figure.js';
import { type CapacityPlan, planCapacity } from '../../calculators/plan.js';
import { type PlatformSpec, parseSpec } from '../../config/spec.js';
import { writeSpecFigure } from '../../config/write-spec.js';
import { alignColumns } from '../../lib/columns.js';
import { failedShare, type LoadResult, probe, runLoad } from '../../lib/load-test.js';
import { valueWithUnit } from '../report/format.js';
import { UsageError } from '../usage-error.js';
import type { Command, CommandContext } from './context.js';
import { numberFlag, parseFlags, specInputFromArgs, withSpecOptions } from './spec-options.js';

/** A measurement with more failures than this says more about the service than about its capacity. */
export const MAX_FAILED_SHARE = 0.01;

const CalibrateFlags = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  duration: numberFlag
    .int('must be a whole number of seconds')
    .min(1, 'must be at least 1')
    .max(600, 'must be at most 600'),
  connections: numberFlag
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000'),
  cpus: numberFlag.positive('must be a positive number of CPUs').max(256, 'must be at most 256'),
  token: z.string().min(1, 'must not be empty').optional(),
  format: z.enum(['table', 'json']),
  write: z.string().optional(),
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
    rows('HPA minimum replicas', 'replicas', (p) => p.scalability.minReplicas.value),
    rows('HPA maximum replicas', 'replicas', (p) => p.scalability.maxReplicas.value),
    rows('Node group minimum', 'nodes', (p) => p.nodeGroup.minSize.value),
    rows('Node group maximum', 'nodes', (p) => p.nodeGroup.maxSize.value),
    rows('Monthly cost at minimum', 'USD/month', (p) => p.cost.monthlyAtMin.value),
    rows('Monthly cost at maximum', 'USD/month', (p) => p.cost.monthlyAtMax.value),
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

function measurementText(load: LoadResult, cpus: number, spec: PlatformSpec, perPodRps: number): string {
  return [
    `Measured ${load.url} for ${fmt(load.durationSeconds, 1)} s with ${load.connections} connections:`,
    `  ${fmt(load.requestsPerSecond)} req/s, p50 ${load.latencyMs.p50} ms, p99 ${load.latencyMs.p99} ms, ` +
      `${load.errors} errors, ${load.non2xx} non-2xx of ${fmt(load.totalRequests, 0)} requests`,
    `  per pod: measured req/s × pod vCPU ÷ measured CPUs = ${fmt(load.requestsPerSecond)} × ${spec.pod.cpuVcpu} ÷ ${cpus} = ` +
      `${fmt(perPodRps)} req/s (assumes throughput scales with CPUs)`,
  ].join('\n');
}

export function calibrateCommand(context: CommandContext): Command {
  return {
    command: 'calibrate',
    describe: 'Load-test a running service and size the platform from what it really serves',
    builder: (yargs) =>
      withSpecOptions(yargs)
        .option('url', {
          type: 'string',
          demandOption: true,
          describe: 'the endpoint to measure (a list route)',
        })
        .option('duration', { type: 'number', default: 10, describe: 'seconds of load' })
        .option('connections', { type: 'number', default: 50, describe: 'concurrent connections' })
        .option('cpus', { type: 'number', default: 1, describe: 'CPUs the measured service runs on' })
        .option('token', { type: 'string', describe: 'bearer token for an authenticated route' })
        .option('format', { type: 'string', default: 'table', describe: 'output: table, json' })
        .option('write', {
          type: 'string',
          describe: 'store the measured per-pod req/s in this spec file (default: the spec read)',
        })
        .example('$0 calibrate --url http://127.0.0.1:3002/healthz --cpus 1', 'measure one service process')
        .example(
          '$0 calibrate --url http://127.0.0.1:3002/api/promptads/v1/campaigns --token "$TOKEN" --write',
          'size prod from it',
        ),
    handler: async (args) => {
      const flags = parseFlags(CalibrateFlags, {
        url: args.url,
        duration: args.duration,
        connections: args.connections,
        cpus: args.cpus,
        token: args.token,
        format: args.format,
        write: args.write,
      });
      const { input, source } = specInputFromArgs({ env: args.env, spec: args.spec });
      const spec = parseSpec(input, source);
      const headers: Record<string, string> = flags.token ? { authorization: `Bearer ${flags.token}` } : {};
      try {
        await probe(flags.url, headers);
      } catch (error) {
        throw new UsageError([`--url: ${(error as Error).message}`]);
      }
      const load = await runLoad({
        url: flags.url,
        connections: flags.connections,
        durationSeconds: flags.duration,
        headers,
      });
      const perPodRps = (load.requestsPerSecond * spec.pod.cpuVcpu) / flags.cpus;
      const usable = failedShare(load) <= MAX_FAILED_SHARE;
      const reference = planCapacity(spec);
      const measuredSpec = parseSpec(
        { ...input, benchmarks: { ...(input.benchmarks as object), perPodRps } },
        source,
      );
      const measured = planCapacity(measuredSpec);
      const rows = compare(reference, measured);
      if (!usable) context.setExitCode(1);
      const target = flags.write === undefined ? undefined : flags.write || source;
      if (target !== undefined && usable) {
        const provenance = `measured ${new Date().toISOString().slice(0, 10)}: ${fmt(load.requestsPerSecond)} req/s on ${flags.cpus} CPU at ${flags.url}`;
        writeSpecFigure(target, ['benchmarks', 'perPodRps'], Number(perPodRps.toFixed(2)), provenance);
      }
      if (flags.format === 'json') {
        const json = {
          load,
          cpus: flags.cpus,
          perPodRps,
          usable,
          written: usable ? target : undefined,
          comparison: rows,
        };
        context.io.stdout(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      const lines = [
        measurementText(load, flags.cpus, spec, perPodRps),
        '',
        comparisonTable(rows, spec.benchmarks.perPodRps, perPodRps),
      ];
      if (!usable) {
        lines.push(
          '',
          `Not usable: ${fmt(failedShare(load) * 100)} % of requests failed (at most ${MAX_FAILED_SHARE * 100} %).`,
        );
      } else if (target !== undefined) {
        lines.push('', `Wrote benchmarks.perPodRps = ${fmt(perPodRps)} to ${target}.`);
      }
      context.io.stdout(`${lines.join('\n')}\n`);
    },
  };
}
