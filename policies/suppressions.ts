import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Outcome } from './engine/evaluate.js';
import { PolicyInputError } from './engine/input-error.js';
import { matchesGlob } from './glob.js';

const SuppressionSchema = z.strictObject({
  rule: z.string().min(1, 'must name a rule id'),
  address: z.string().min(1, 'must be a resource address or glob, e.g. aws_rds_cluster.* '),
  stack: z.string().min(1, 'must be a stack name or glob').default('*'),
  reason: z.string().trim().min(10, 'must explain why in at least 10 characters'),
  expires: z.iso.date('must be a date written YYYY-MM-DD').optional(),
});

const SuppressionFileSchema = z.strictObject({
  suppressions: z
    .array(SuppressionSchema)
    .nullish()
    .transform((entries) => entries ?? []),
});

export type Suppression = z.infer<typeof SuppressionSchema>;

export interface SuppressionSet {
  source: string;
  entries: Suppression[];
}

export const NO_SUPPRESSIONS: SuppressionSet = { source: '(none)', entries: [] };

/** Reads and validates a suppression file; every problem is one line naming the field and the rule. */
export function readSuppressions(file: string, knownRuleIds: ReadonlySet<string>): SuppressionSet {
  if (!existsSync(file)) throw new PolicyInputError(`--suppressions: ${file} does not exist`);
  let document: unknown;
  try {
    document = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const firstLine = (error as Error).message.split('\n')[0];
    throw new PolicyInputError(`${file}: not valid YAML (${firstLine})`);
  }
  return parseSuppressions(document ?? {}, file, knownRuleIds);
}

export function parseSuppressions(
  document: unknown,
  source: string,
  knownRuleIds: ReadonlySet<string>,
): SuppressionSet {
  const parsed = SuppressionFileSchema.safeParse(document);
  if (!parsed.success) {
    throw new PolicyInputError(
      parsed.error.issues.map((issue) => `${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const unknownRules = parsed.data.suppressions.flatMap((entry, index) =>
    knownRuleIds.has(entry.rule)
      ? []
      : [`${source}: suppressions.${index}.rule: no rule has the id "${entry.rule}"`],
  );
  if (unknownRules.length > 0) throw new PolicyInputError(unknownRules);
  return { source, entries: parsed.data.suppressions };
}

/** A suppression is valid through its `expires` day (UTC) and expired from the day after. */
export function isExpired(suppression: Suppression, today: string): boolean {
  return suppression.expires !== undefined && suppression.expires < today;
}

export function matches(suppression: Suppression, outcome: Outcome): boolean {
  return (
    suppression.rule === outcome.rule.id &&
    matchesGlob(suppression.address, outcome.resource.address) &&
    matchesGlob(suppression.stack, outcome.stack.name)
  );
}

export interface SuppressionResult {
  /** The active suppression covering each outcome that did not pass. */
  suppressedBy: Map<Outcome, Suppression>;
  expired: Suppression[];
  unused: Suppression[];
}

/** Expired suppressions cover nothing (and fail the run); active ones that match nothing are reported as unused. */
export function applySuppressions(
  outcomes: Outcome[],
  set: SuppressionSet,
  today: string,
): SuppressionResult {
  const expired = set.entries.filter((entry) => isExpired(entry, today));
  const active = set.entries.filter((entry) => !isExpired(entry, today));
  const used = new Set<Suppression>();
  const suppressedBy = new Map<Outcome, Suppression>();
  for (const outcome of outcomes) {
    if (outcome.status === 'pass') continue;
    const suppression = active.find((entry) => matches(entry, outcome));
    if (!suppression) continue;
    suppressedBy.set(outcome, suppression);
    used.add(suppression);
  }
  return { suppressedBy, expired, unused: active.filter((entry) => !used.has(entry)) };
}

export function describeSuppression(suppression: Suppression): string {
  const where =
    suppression.stack === '*' ? suppression.address : `${suppression.stack}/${suppression.address}`;
  return `${suppression.rule} on ${where}${suppression.expires ? ` (expires ${suppression.expires})` : ''}`;
}
