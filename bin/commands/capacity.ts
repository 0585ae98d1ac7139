import { z } from 'zod';
import { planCapacity } from '../../calculators/plan.js';
import { increaseCommand } from '../../calculators/quotas.js';
import { parseSpec } from '../../config/spec.js';
import { capacitySections } from '../report/capacity-report.js';
import { REPORT_FORMATS, sectionsAsMarkdown, sectionsAsText } from '../report/format.js';
import { figuresByKey } from '../report/sections.js';
import type { Command, CommandContext } from './context.js';
import { numberFlag, parseFlags, setIn, specInputFromArgs, withSpecOptions } from './spec-options.js';

const CapacityFlags = z.object({
  rpm: numberFlag.positive('must be a positive number of requests per minute').optional(),
  normalRpm: numberFlag.positive('must be a positive number of requests per minute').optional(),
  perPodRps: numberFlag.positive('must be a positive number of requests per second').optional(),
  reserve: numberFlag
    .min(0, 'must be at least 0')
    .lt(1, 'must be less than 1 (a fraction, e.g. 0.15)')
    .optional(),
  format: z.enum(REPORT_FORMATS),
});

const OVERRIDES = {
  rpm: ['requirements', 'peakRpm'],
  normalRpm: ['requirements', 'normalRpm'],
  perPodRps: ['benchmarks', 'perPodRps'],
  reserve: ['requirements', 'reserve'],
} as const;

export function capacityCommand(context: CommandContext): Command {
  return {
    command: 'capacity',
    describe: 'Workers, pods, nodes, HPA bounds, cost and availability, each with its working',
    builder: (yargs) =>
      withSpecOptions(yargs)
        .option('rpm', { type: 'number', describe: 'peak requirement, requests per minute' })
        .option('normal-rpm', { type: 'number', describe: 'normal requirement, requests per minute' })
        .option('per-pod-rps', { type: 'number', describe: 'benchmark throughput of one pod, req/s' })
        .option('reserve', { type: 'number', describe: 'fraction of pod throughput held back (0 ≤ F < 1)' })
        .option('format', {
          type: 'string',
          default: 'table',
          describe: `output: ${REPORT_FORMATS.join(', ')}`,
        })
        .example('$0 capacity', 'the reference design: 29 pods for 1,000,000 req/min')
        .example('$0 capacity --rpm 2000000', 'the same platform sized for twice the peak')
        .example('$0 capacity --env dev --format markdown', 'the dev environment as a Markdown table')
        .example('$0 capacity --spec my-spec.yaml --format json', 'a spec file of your own, as JSON'),
    handler: (args) => {
      const flags = parseFlags(CapacityFlags, {
        rpm: args.rpm,
        normalRpm: args.normalRpm,
        perPodRps: args.perPodRps,
        reserve: args.reserve,
        format: args.format,
      });
      const { input, source } = specInputFromArgs({ env: args.env, spec: args.spec });
      for (const [flag, path] of Object.entries(OVERRIDES)) {
        const value = flags[flag as keyof typeof OVERRIDES];
        if (value !== undefined) setIn(input, [...path], value);
      }
      const spec = parseSpec(input, source);
      const plan = planCapacity(spec);
      const sections = capacitySections(spec, plan);
      if (flags.format === 'json') {
        const region = spec.environment.region;
        const report = {
          environment: plan.environment,
          source,
          figures: figuresByKey(sections),
          deployments: plan.deployments,
          bill: plan.bill,
          quotas: plan.quotas.map((quota) => ({
            ...quota,
            ...(quota.requestNeeded ? { command: increaseCommand(quota, region) } : {}),
          })),
        };
        context.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const title = `PromptSales capacity plan: ${plan.environment} (${source})`;
      context.io.stdout(
        flags.format === 'markdown'
          ? `## ${title}\n\n${sectionsAsMarkdown(sections)}\n`
          : `${title}\n\n${sectionsAsText(sections)}\n`,
      );
    },
  };
}
