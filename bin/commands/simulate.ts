import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { fmt } from '../../calculators/figure.js';
import {
  DEFAULT_MEMORY_PERCENT,
  type ScalingDecision,
  type SimulationResult,
  type SimulationSettings,
  simulate,
  simulationSettings,
} from '../../calculators/hpa-simulation.js';
import { PlanError, planCapacity } from '../../calculators/plan.js';
import {
  csvProfile,
  diurnalProfile,
  type LoadLevels,
  ProfileError,
  parseProfileCsv,
  rampProfile,
  SECONDS_PER_DAY,
  stepProfile,
  type TrafficProfile,
} from '../../calculators/traffic-profiles.js';
import { parseSpec } from '../../config/spec.js';
import { renderAsciiChart } from '../render/chart-ascii.js';
import { simulationChart } from '../render/chart-simulation.js';
import { renderSvgChart } from '../render/chart-svg.js';
import { sectionsAsText } from '../report/format.js';
import { figuresByKey, type ReportSection, row } from '../report/sections.js';
import { UsageError } from '../usage-error.js';
import type { Command, CommandContext } from './context.js';
import { numberFlag, parseFlags, specInputFromArgs, withSpecOptions } from './spec-options.js';

const BUILT_IN_PROFILES = ['step', 'ramp', 'diurnal'] as const;
const SIMULATE_FORMATS = ['table', 'json', 'svg'] as const;
/** A week of one-second ticks runs in about two seconds; longer runs are a mistake, not a use. */
const MAX_DURATION_SECONDS = 7 * SECONDS_PER_DAY;
/** Decisions listed in the terminal; JSON lists them all. */
const DECISIONS_SHOWN = 20;

const SimulateFlags = z.object({
  profile: z
    .string()
    .trim()
    .refine((p) => (BUILT_IN_PROFILES as readonly string[]).includes(p) || /\.csv$/i.test(p), {
      error: (issue) => `must be ${BUILT_IN_PROFILES.join(', ')} or a .csv file (got "${issue.input}")`,
    }),
  duration: numberFlag
    .int('must be a whole number of seconds')
    .positive('must be greater than 0 seconds')
    .max(MAX_DURATION_SECONDS, `must be at most ${fmt(MAX_DURATION_SECONDS)} seconds (7 days)`)
    .optional(),
  nodeDelay: numberFlag
    .min(0, 'must be 0 seconds or more')
    .max(3_600, 'must be at most 3,600 seconds')
    .optional(),
  memoryPercent: numberFlag
    .gt(0, 'must be greater than 0')
    .lt(100, 'must be less than 100 (a percentage)')
    .optional(),
  format: z.enum(SIMULATE_FORMATS, { error: `must be one of ${SIMULATE_FORMATS.join(', ')}` }),
  out: z.string().min(1, 'must name a file').optional(),
  deployment: z.string().min(1, 'must name a deployment').optional(),
});

type SimulateFlagValues = z.output<typeof SimulateFlags>;

function readCsvProfile(file: string): TrafficProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError([
      `--profile: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
  try {
    return csvProfile(parseProfileCsv(text), file);
  } catch (error) {
    if (error instanceof ProfileError)
      throw new UsageError(error.problems.map((p) => `--profile ${file}: ${p}`));
    throw error;
  }
}

function profileFor(flags: SimulateFlagValues, levels: LoadLevels): TrafficProfile {
  switch (flags.profile) {
    case 'step':
      return stepProfile(levels);
    case 'ramp':
      return rampProfile(levels);
    case 'diurnal':
      // The run is one day: --duration compresses it.
      return diurnalProfile(levels, flags.duration ?? SECONDS_PER_DAY);
    default:
      return readCsvProfile(flags.profile);
  }
}

function outcomeSections(result: SimulationResult): ReportSection[] {
  const { summary } = result;
  return [
    {
      title: 'Outcome',
      rows: [
        row('timeToCover', 'Time until capacity covers demand', summary.timeToCover),
        row('requestsAboveCapacity', 'Requests above capacity', summary.requestsAboveCapacity),
        row('shareAboveCapacity', 'Share of requests above capacity', summary.shareAboveCapacity),
        row('peakReplicas', 'Peak replicas', summary.peakReplicas),
        row('peakNodes', 'Peak nodes', summary.peakNodes),
      ],
    },
  ];
}

const LIMIT_WORDS: Record<ScalingDecision['limitedBy'], string> = {
  desired: 'as recommended',
  'scale-up policy': 'limited by the scale-up policy',
  'scale-down policy': 'limited by the scale-down policy',
  'max replicas': 'capped at max replicas',
  'min replicas': 'held at min replicas',
};

function decisionLine(d: ScalingDecision): string {
  const reading = `${d.metric} ${fmt(d.metricValue)} (target ${fmt(d.metricTarget)}) asks for ${d.recommended}`;
  const when = `t = ${fmt(d.t)} s`.padEnd(14);
  return `  ${when}${`${d.from} → ${d.to}`.padEnd(10)}${reading}; ${LIMIT_WORDS[d.limitedBy]}`;
}

function decisionsText(decisions: ScalingDecision[]): string {
  if (decisions.length === 0) return 'Scaling decisions: none, the replica count never changed';
  const shown = decisions.slice(0, DECISIONS_SHOWN).map(decisionLine);
  const more = decisions.length - shown.length;
  if (more > 0) shown.push(`  … and ${more} more (--format json lists them all)`);
  return `Scaling decisions (desired replicas)\n${shown.join('\n')}`;
}

function modelText(settings: SimulationSettings): string {
  const { hpa, cluster, pod, bounds } = settings;
  const [percent, pods] = hpa.behavior.scaleUp.policies;
  const [down] = hpa.behavior.scaleDown.policies;
  return [
    `Model: HPA every ${fmt(hpa.syncPeriodSeconds)} s on CPU ${hpa.cpuTargetPercent} %, memory ${hpa.memoryTargetPercent} %, ` +
      `in-flight ${fmt(hpa.inflightTarget)} per pod; tolerance ${hpa.tolerance}; ${bounds.minReplicas} to ${bounds.maxReplicas} replicas;`,
    `  scale-up ${percent?.value} % or ${pods?.value} pods per ${fmt(percent?.periodSeconds ?? 0)} s, ` +
      `scale-down ${down?.value} % per ${fmt(down?.periodSeconds ?? 0)} s (podRuntime.scaleDownPolicy) after a ` +
      `${fmt(hpa.behavior.scaleDown.stabilizationWindowSeconds)} s window; ` +
      `node Ready ${fmt(cluster.nodeProvisioningSeconds)} s after pods go pending, pod Ready ${fmt(cluster.podStartupSeconds)} s after scheduling;`,
    `  ${fmt(pod.effectiveRps)} req/s of capacity per ready pod; memory constant at ${fmt(pod.memoryPercent)} % of the request. ` +
      'Details: docs/simulate.md',
  ].join('\n');
}

function titleOf(environment: string, profile: TrafficProfile, durationSeconds: number): string {
  return `HPA simulation, ${environment}: ${profile.name} profile, ${fmt(durationSeconds)} s`;
}

function render(
  format: SimulateFlagValues['format'],
  environment: string,
  profile: TrafficProfile,
  settings: SimulationSettings,
  result: SimulationResult,
): string {
  const title = titleOf(environment, profile, result.summary.durationSeconds);
  const chart = simulationChart(result, title, `Demand: ${profile.description}`, profile.name === 'step');
  if (format === 'svg') return renderSvgChart(chart);
  if (format === 'json') {
    const { summary } = result;
    const json = {
      environment,
      profile: { name: profile.name, description: profile.description },
      durationSeconds: summary.durationSeconds,
      settings,
      summary: {
        ...figuresByKey(outcomeSections(result)),
        covered: summary.covered,
        maxReplicasHit: summary.maxReplicasHit,
        highestRecommendation: summary.highestRecommendation,
      },
      shortfalls: result.shortfalls,
      decisions: result.decisions,
      series: result.samples,
    };
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  return [
    renderAsciiChart(chart),
    sectionsAsText(outcomeSections(result)),
    '',
    decisionsText(result.decisions),
    '',
    modelText(settings),
    '',
  ].join('\n');
}

function writeOut(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError([
      `--out: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
}

export function simulateCommand(context: CommandContext): Command {
  return {
    command: 'simulate',
    describe:
      'Run the HPA and node autoscaling over a traffic profile: replicas, capacity, requests above capacity',
    builder: (yargs) =>
      withSpecOptions(yargs)
        .option('profile', {
          type: 'string',
          default: 'step',
          describe: 'traffic: step, ramp, diurnal, or a CSV file of time,rps lines (seconds, req/s)',
        })
        .option('duration', {
          type: 'number',
          describe: 'seconds to simulate (default: the profile’s own; diurnal: the length of the day)',
        })
        .option('node-delay', {
          type: 'number',
          describe:
            'seconds from pending pods to a Ready node (default: autoscaling.nodeProvisioningSeconds)',
        })
        .option('memory-percent', {
          type: 'number',
          describe: `constant memory use of a pod, percent of its request (default ${DEFAULT_MEMORY_PERCENT})`,
        })
        .option('format', {
          type: 'string',
          default: 'table',
          describe: `output: ${SIMULATE_FORMATS.join(', ')}`,
        })
        .option('out', { type: 'string', describe: 'write the output to this file instead of stdout' })
        .option('deployment', {
          type: 'string',
          describe:
            "one deployment of the plan (e.g. promptads-api-v1) at its share of the load and its own bounds; default: the document's single API deployment",
        })
        .example('$0 simulate', 'prod, normal load stepping to peak at t = 60 s: chart and outcome')
        .example('$0 simulate --profile ramp --node-delay 180', 'a 10-minute ramp with slower nodes')
        .example('$0 simulate --profile diurnal --duration 3600', 'a day compressed into an hour')
        .example('$0 simulate --env dev --profile traffic.csv', 'a recorded profile against the dev plan')
        .example('$0 simulate --format svg --out hpa.svg', 'the chart as a standalone SVG file'),
    handler: (args) => {
      const flags = parseFlags(SimulateFlags, {
        profile: args.profile,
        duration: args.duration,
        nodeDelay: args['node-delay'],
        memoryPercent: args['memory-percent'],
        format: args.format,
        out: args.out,
        deployment: args.deployment,
      });
      const { input, source } = specInputFromArgs({ env: args.env, spec: args.spec });
      const spec = parseSpec(input, source);
      let plan: ReturnType<typeof planCapacity>;
      try {
        plan = planCapacity(spec);
      } catch (error) {
        if (error instanceof PlanError) throw new UsageError(error.problems.map((p) => `${source}: ${p}`));
        throw error;
      }
      const deployment =
        flags.deployment === undefined
          ? undefined
          : plan.deployments.find((d) => d.name === flags.deployment);
      if (flags.deployment !== undefined && !deployment) {
        throw new UsageError([
          `--deployment: must be one of ${plan.deployments.map((d) => d.name).join(', ')} (got "${flags.deployment}")`,
        ]);
      }
      const levels = deployment
        ? { normalRps: deployment.normalRps, peakRps: deployment.peakRps }
        : { normalRps: plan.scalability.normalRps.value, peakRps: plan.scalability.peakRps.value };
      const profile = profileFor(flags, levels);
      const settings = simulationSettings(spec, plan, {
        nodeProvisioningSeconds: flags.nodeDelay,
        memoryPercent: flags.memoryPercent,
        ...(deployment ? { deployment } : {}),
      });
      const duration = flags.duration ?? profile.defaultDurationSeconds;
      if (duration > MAX_DURATION_SECONDS) {
        throw new UsageError([
          `--profile ${flags.profile}: runs ${fmt(duration)} s, more than the ${fmt(MAX_DURATION_SECONDS)} s (7 days) a simulation may cover; give --duration or shorten the profile`,
        ]);
      }
      const result = simulate(profile, duration, settings);
      const subject = deployment ? `${spec.environment.name} ${deployment.name}` : spec.environment.name;
      const output = render(flags.format, subject, profile, settings, result);
      if (flags.out === undefined) {
        context.io.stdout(output);
        return;
      }
      writeOut(flags.out, output);
      context.io.stdout(`Wrote the ${flags.format} output to ${flags.out}\n`);
    },
  };
}
