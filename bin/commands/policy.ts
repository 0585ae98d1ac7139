import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { PolicyInputError } from '../../policies/engine/input-error.js';
import { SEVERITIES } from '../../policies/engine/model.js';
import { PACK_DESCRIPTIONS, PACKS } from '../../policies/packs.js';
import { FORMATS, render } from '../../policies/reporters/index.js';
import { RULES } from '../../policies/rules/index.js';
import { runPolicy } from '../../policies/run.js';
import { describeSuppression, NO_SUPPRESSIONS, readSuppressions } from '../../policies/suppressions.js';
import { UsageError } from '../usage-error.js';
import type { Command, CommandContext } from './context.js';

export const DEFAULT_SUPPRESSIONS = 'policies/suppressions.yaml';

const givenTwice = (input: unknown) => (Array.isArray(input) ? 'must be given once' : undefined);

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) =>
      givenTwice(issue.input) ?? `must be one of ${values.join(', ')} (got ${JSON.stringify(issue.input)})`,
  });

const nonEmptyPath = z
  .string({ error: (issue) => givenTwice(issue.input) ?? 'must be a path' })
  .trim()
  .min(1, 'must be a path');

const PolicyFlags = z.object({
  dir: nonEmptyPath,
  pack: oneOf(PACKS),
  format: oneOf(FORMATS),
  out: nonEmptyPath.optional(),
  'fail-on': oneOf(SEVERITIES),
  suppressions: nonEmptyPath.optional(),
  'as-of': z
    .string()
    .refine(
      (day) => /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)),
      'must be a date such as 2026-11-29',
    )
    .optional(),
});

function parsePolicyFlags(values: unknown): z.infer<typeof PolicyFlags> {
  const parsed = PolicyFlags.safeParse(values);
  if (parsed.success) return parsed.data;
  throw new UsageError(parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`));
}

export function policyCommand(context: CommandContext): Command {
  return {
    command: 'policy',
    describe: 'Check synthesized stacks against the reference requirements and the shared AWS checks',
    builder: (yargs) =>
      yargs
        .option('dir', {
          type: 'string',
          default: 'cdktf.out',
          describe: 'cdktf output directory (reads stacks/*/cdk.tf.json)',
        })
        .option('pack', {
          type: 'string',
          default: 'all',
          describe: `rules to run: ${PACKS.map((pack) => `${pack} (${PACK_DESCRIPTIONS[pack]})`).join('; ')}`,
        })
        .option('format', { type: 'string', default: 'table', describe: `output: ${FORMATS.join(', ')}` })
        .option('out', { type: 'string', describe: 'write the report to FILE instead of standard output' })
        .option('fail-on', {
          type: 'string',
          default: 'high',
          describe: `exit 1 when an unsuppressed finding is at least this severe: ${SEVERITIES.join(', ')}`,
        })
        .option('as-of', {
          type: 'string',
          describe:
            'the day (YYYY-MM-DD) date-bound rules and suppression expiry are judged against; today by default',
        })
        .option('suppressions', {
          type: 'string',
          describe: `suppression file (YAML); ${DEFAULT_SUPPRESSIONS} when present`,
        })
        .example('$0 policy', 'every rule on cdktf.out, as a table; exit 1 on high or critical findings')
        .example('$0 policy --pack nfr --fail-on medium', "only the reference document's requirements")
        .example('$0 policy --format sarif --out policy.sarif', 'SARIF for GitHub code scanning')
        .example('$0 policy --format junit --out reports/policy.xml', 'JUnit XML for CI test reports')
        .example(
          '$0 policy --dir other/cdktf.out --suppressions other/suppressions.yaml',
          'any cdktf output',
        ),
    handler: (args) => {
      const flags = parsePolicyFlags({
        dir: args.dir,
        pack: args.pack,
        format: args.format,
        out: args.out,
        'fail-on': args.failOn ?? args['fail-on'],
        suppressions: args.suppressions,
        'as-of': args.asOf ?? args['as-of'],
      });
      try {
        const suppressionFile =
          flags.suppressions ?? (existsSync(DEFAULT_SUPPRESSIONS) ? DEFAULT_SUPPRESSIONS : undefined);
        const suppressions = suppressionFile
          ? readSuppressions(suppressionFile, new Set(RULES.map((rule) => rule.id)))
          : NO_SUPPRESSIONS;
        const report = runPolicy({
          dir: flags.dir,
          pack: flags.pack,
          failOn: flags['fail-on'],
          suppressions,
          ...(flags['as-of'] ? { today: flags['as-of'] } : {}),
        });
        const output = render(report, flags.format);
        if (flags.out) {
          writeReport(flags.out, output);
          const { summary } = report;
          context.io.stdout(
            `${flags.format} report written to ${flags.out}: ${summary.failed} failed, ${summary.unknown} unknown, ${summary.suppressed} suppressed; ${summary.result.toUpperCase()} at --fail-on ${summary.failOn}\n`,
          );
        } else {
          context.io.stdout(output);
        }
        if (flags.format !== 'table' || flags.out) {
          for (const suppression of report.unusedSuppressions) {
            context.io.stderr(`warning: unused suppression ${describeSuppression(suppression)}\n`);
          }
          for (const suppression of report.expiredSuppressions) {
            context.io.stderr(`error: expired suppression ${describeSuppression(suppression)}\n`);
          }
        }
        if (report.summary.result === 'fail') context.setExitCode(1);
      } catch (error) {
        if (error instanceof PolicyInputError) throw new UsageError(error.problems);
        throw error;
      }
    },
  };
}

function writeReport(file: string, content: string): void {
  try {
    createParents(file);
    writeFileSync(file, content);
  } catch (error) {
    throw new UsageError([
      `--out: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
}

/** Creates the missing folders above `file` one by one (recursive mkdir can spin on special file systems). */
function createParents(file: string): void {
  const missing: string[] = [];
  for (let folder = dirname(file); !existsSync(folder); folder = dirname(folder)) {
    missing.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of missing) mkdirSync(folder);
}
