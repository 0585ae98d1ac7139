import { fail, pass, type Resource, unknown, type Verdict } from './model.js';
import type { Resolved } from './references.js';
import type { RuleContext } from './rule.js';
import { list, valueAt } from './values.js';

type Path = string | readonly string[];

const show = (path: Path) => (typeof path === 'string' ? path : path.join('.'));

export function unresolvedMessage(path: Path, expression: string): string {
  return `${show(path)} is ${expression}, which cannot be resolved from the synthesized output`;
}

export type Flag =
  | { kind: 'true' }
  | { kind: 'false' }
  | { kind: 'absent' }
  | { kind: 'unknown'; expression: string };

/** Reads a boolean attribute; providers sometimes type booleans as the strings "true"/"false". */
export function readFlag(context: RuleContext, value: unknown): Flag {
  const resolved = context.resolve(value);
  if (resolved.kind === 'absent') return { kind: 'absent' };
  if (resolved.kind !== 'literal') return { kind: 'unknown', expression: expressionOf(resolved) };
  const literal = resolved.value;
  if (literal === true || (typeof literal === 'string' && literal.toLowerCase() === 'true'))
    return { kind: 'true' };
  return { kind: 'false' };
}

export interface FlagOptions {
  /** What an unset attribute means for this rule, from the provider's default. */
  whenAbsent?: 'pass' | 'fail';
}

export function expectTrue(
  context: RuleContext,
  values: Record<string, unknown>,
  path: Path,
  options: FlagOptions = {},
): Verdict {
  const flag = readFlag(context, valueAt(values, path));
  switch (flag.kind) {
    case 'true':
      return pass();
    case 'false':
      return fail(`${show(path)} is false`);
    case 'absent':
      return options.whenAbsent === 'pass' ? pass() : fail(`${show(path)} is not set (defaults to false)`);
    case 'unknown':
      return unknown(unresolvedMessage(path, flag.expression));
  }
}

export function expectNotTrue(context: RuleContext, values: Record<string, unknown>, path: Path): Verdict {
  const flag = readFlag(context, valueAt(values, path));
  if (flag.kind === 'true') return fail(`${show(path)} is true`);
  if (flag.kind === 'unknown') return unknown(unresolvedMessage(path, flag.expression));
  return pass();
}

export type NumberRead =
  | { kind: 'number'; value: number }
  | { kind: 'absent' }
  | { kind: 'unknown'; expression: string }
  | { kind: 'invalid'; value: unknown };

export function readNumber(context: RuleContext, value: unknown): NumberRead {
  const resolved = context.resolve(value);
  if (resolved.kind === 'absent') return { kind: 'absent' };
  if (resolved.kind !== 'literal') return { kind: 'unknown', expression: expressionOf(resolved) };
  const literal = resolved.value;
  const number =
    typeof literal === 'number' ? literal : typeof literal === 'string' ? Number(literal) : Number.NaN;
  if (typeof literal === 'string' && literal.trim() === '') return { kind: 'invalid', value: literal };
  return Number.isFinite(number) ? { kind: 'number', value: number } : { kind: 'invalid', value: literal };
}

export interface AtLeastOptions {
  /** The value the provider uses when the attribute is unset. */
  whenAbsent?: number;
  unit?: string;
  because?: string;
}

export function expectAtLeast(
  context: RuleContext,
  values: Record<string, unknown>,
  path: Path,
  minimum: number,
  options: AtLeastOptions = {},
): Verdict {
  const read = readNumber(context, valueAt(values, path));
  const unit = options.unit ? ` ${options.unit}` : '';
  const because = options.because ? ` (${options.because})` : '';
  if (read.kind === 'unknown') return unknown(unresolvedMessage(path, read.expression));
  if (read.kind === 'invalid') return fail(`${show(path)} is ${JSON.stringify(read.value)}, not a number`);
  if (read.kind === 'absent') {
    if (options.whenAbsent === undefined)
      return fail(`${show(path)} is not set; needs at least ${minimum}${unit}${because}`);
    if (options.whenAbsent >= minimum) return pass();
    return fail(
      `${show(path)} is not set (defaults to ${options.whenAbsent}${unit}); needs at least ${minimum}${unit}${because}`,
    );
  }
  if (read.value >= minimum) return pass();
  return fail(`${show(path)} is ${read.value}${unit}; needs at least ${minimum}${unit}${because}`);
}

/** A non-empty literal, or a reference that resolves to a resource of the scanned output, counts as set. */
export function expectPresent(
  context: RuleContext,
  values: Record<string, unknown>,
  path: Path,
  what: string,
): Verdict {
  const value = valueAt(values, path);
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) return fail(`${show(path)} is empty: ${what}`);
  const verdicts = items.map((item): Verdict => {
    const resolved = context.resolve(item);
    if (resolved.kind === 'reference' || resolved.kind === 'template') return pass();
    if (resolved.kind === 'unresolved') return unknown(unresolvedMessage(path, resolved.expression));
    if (resolved.kind === 'absent' || resolved.value === '') return fail(`${show(path)} is not set: ${what}`);
    return pass();
  });
  return (
    verdicts.find((v) => v.status === 'pass') ?? verdicts.find((v) => v.status === 'unknown') ?? verdicts[0]!
  );
}

const AWS_MANAGED_KEY = /(^|:)alias\/aws\//;

/**
 * A customer-managed KMS key: a key or alias resource of the scanned output, or a literal key ARN/id.
 * An `alias/aws/...` key is AWS-managed (fail); a key found through a data source lookup may be either
 * (unknown).
 */
export function expectCustomerManagedKey(
  context: RuleContext,
  values: Record<string, unknown>,
  path: Path,
): Verdict {
  const value = valueAt(values, path);
  const resolved = context.resolve(value);
  switch (resolved.kind) {
    case 'absent':
      return fail(`${show(path)} is not set: no customer-managed KMS key`);
    case 'unresolved':
      return unknown(unresolvedMessage(path, resolved.expression));
    case 'literal':
      if (resolved.value === '') return fail(`${show(path)} is empty: no customer-managed KMS key`);
      return AWS_MANAGED_KEY.test(String(resolved.value))
        ? fail(`${show(path)} is ${String(resolved.value)}, an AWS-managed key`)
        : pass();
    case 'reference':
      return resolved.target.address.startsWith('data.')
        ? unknown(`${show(path)} is ${resolved.expression}, a looked-up key that may be AWS-managed`)
        : pass();
    case 'template':
      return pass();
  }
}

export type Match = 'yes' | 'no' | 'unknown';

/**
 * Whether an attribute (a value or a list) points at `target`: a reference to it, or a literal
 * equal to one of its identifying attributes (e.g. a bucket's `bucket` name).
 */
export function pointsAt(
  context: RuleContext,
  value: unknown,
  target: Resource,
  literalKeys: string[] = [],
): Match {
  let sawUnresolved = false;
  for (const item of list(value)) {
    const resolved = context.resolve(item);
    if (resolved.kind === 'reference' && resolved.target === target) return 'yes';
    if (resolved.kind === 'unresolved') sawUnresolved = true;
    if (resolved.kind === 'literal' && literalKeys.some((key) => target.values[key] === resolved.value))
      return 'yes';
  }
  return sawUnresolved ? 'unknown' : 'no';
}

/** The resources of `type` in the same stack whose `attribute` points at `target`, and whether any is unresolved. */
export function attachedTo(
  context: RuleContext,
  type: string,
  attribute: string,
  target: Resource,
  literalKeys: string[] = [],
): { attached: Resource[]; unresolved: string[] } {
  const attached: Resource[] = [];
  const unresolved: string[] = [];
  for (const candidate of context.ofType(type)) {
    const match = pointsAt(context, candidate.values[attribute], target, literalKeys);
    if (match === 'yes') attached.push(candidate);
    if (match === 'unknown') unresolved.push(candidate.address);
  }
  return { attached, unresolved };
}

function expressionOf(resolved: Exclude<Resolved, { kind: 'absent' } | { kind: 'literal' }>): string {
  return resolved.expression;
}

/**
 * Passes when a resource of `type` in the same stack points at `target` through `attribute`
 * (an aws_wafv2_web_acl_logging_configuration for a web ACL, a rotation for a secret …).
 */
export function expectAttached(
  context: RuleContext,
  type: string,
  attribute: string,
  target: Resource,
  missing: string,
): Verdict {
  const { attached, unresolved } = attachedTo(context, type, attribute, target);
  if (attached.length > 0) return pass();
  if (unresolved.length > 0)
    return unknown(`${unresolved.join(', ')} name a resource that cannot be resolved`);
  return fail(missing);
}
