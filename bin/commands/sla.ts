import { z } from 'zod';
import { planCapacity } from '../../calculators/plan.js';
import { parseSpec } from '../../config/spec.js';
import { REPORT_FORMATS, sectionsAsMarkdown, sectionsAsText } from '../report/format.js';
import { figuresByKey } from '../report/sections.js';
import { slaSections } from '../report/sla-report.js';
import type { Command, CommandContext } from './context.js';
import { numberFlag, parseFlags, setIn, specInputFromArgs, withSpecOptions } from './spec-options.js';

const SlaFlags = z.object({
  target: numberFlag
    .gt(0, 'must be greater than 0')
    .lt(100, 'must be less than 100 (a percentage)')
    .optional(),
  format: z.enum(REPORT_FORMATS),
});

export function slaCommand(context: CommandContext): Command {
  return {
    command: 'sla',
    describe:
      'Composite and per-journey availability against the target; exit 1 when the composite or any journey misses it',
    builder: (yargs) =>
      withSpecOptions(yargs)
        .option('target', { type: 'number', describe: 'availability target in percent (0 < T < 100)' })
        .option('format', {
          type: 'string',
          default: 'table',
          describe: `output: ${REPORT_FORMATS.join(', ')}`,
        })
        .example('$0 sla', 'the reference design: 99.905 % against 99.9 %')
        .example('$0 sla --target 99.95', 'exits 1: the composite misses a 99.95 % target')
        .example('$0 sla --format json', 'journeys, budgets and the verdict as JSON'),
    handler: (args) => {
      const flags = parseFlags(SlaFlags, { target: args.target, format: args.format });
      const { input, source } = specInputFromArgs({ env: args.env, spec: args.spec });
      if (flags.target !== undefined) setIn(input, ['requirements', 'slaTargetPercent'], flags.target);
      const report = planCapacity(parseSpec(input, source)).availability;
      const missed = report.journeys.filter((j) => !j.meetsTarget).map((j) => j.service);
      if (!report.meetsTarget || missed.length > 0) context.setExitCode(1);
      const sections = slaSections(report);
      const verdict =
        `Composite ${report.composite.working.split(' = ').at(-1)} ` +
        `${report.meetsTarget ? 'meets' : 'MISSES'} the ${report.targetPercent} % target; ` +
        (missed.length === 0
          ? `every journey meets it`
          : `${missed.length} of ${report.journeys.length} journeys MISS it (${missed.join(', ')})`);
      if (flags.format === 'json') {
        const journeys = report.journeys.map((j) => ({
          service: j.service,
          path: j.components.map((c) => c.name),
          availability: j.availability,
          dominant: j.dominant,
          meetsTarget: j.meetsTarget,
          budgetLeftMinutesPerMonth: j.budgetLeftMinutesPerMonth,
        }));
        const json = {
          targetPercent: report.targetPercent,
          meetsTarget: report.meetsTarget && missed.length === 0,
          compositeMeetsTarget: report.meetsTarget,
          journeysMissing: missed,
          figures: figuresByKey(sections),
          journeys,
        };
        context.io.stdout(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      context.io.stdout(
        flags.format === 'markdown'
          ? `## Availability\n\n${sectionsAsMarkdown(sections)}\n\n**${verdict}**\n`
          : `${sectionsAsText(sections)}\n\n${verdict}\n`,
      );
    },
  };
}
