import type { RuleContext } from '../../engine/rule.js';
import { blocks, isRecord, list } from '../../engine/values.js';

export interface Statement {
  effect: string;
  /** Principal identifiers; `*` for everyone. */
  principals: string[];
  hasCondition: boolean;
}

export type PolicyRead =
  | { kind: 'absent' }
  | { kind: 'statements'; statements: Statement[] }
  | { kind: 'unknown'; detail: string };

/**
 * The statements of an IAM-style policy: a JSON string (cdktf keeps `${…}` tokens inside the JSON
 * values, so it still parses) or a reference to a data.aws_iam_policy_document of the same stack.
 */
export function readPolicy(context: RuleContext, value: unknown): PolicyRead {
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (typeof value !== 'string') return { kind: 'unknown', detail: 'the policy is not a string' };
  try {
    return { kind: 'statements', statements: fromJson(JSON.parse(value)) };
  } catch {
    const resolved = context.resolve(value);
    if (resolved.kind === 'reference' && resolved.target.type === 'aws_iam_policy_document') {
      return { kind: 'statements', statements: fromDocument(resolved.target.values) };
    }
    return { kind: 'unknown', detail: `the policy ${value} cannot be resolved from the synthesized output` };
  }
}

/** An Allow statement for everyone without a condition: anyone with the ARN can use the resource. */
export function isPublic(statement: Statement): boolean {
  return statement.effect === 'Allow' && statement.principals.includes('*') && !statement.hasCondition;
}

function fromJson(document: unknown): Statement[] {
  if (!isRecord(document)) return [];
  return list(document.Statement)
    .filter(isRecord)
    .map((statement) => ({
      effect: String(statement.Effect ?? 'Allow'),
      principals: principalsOf(statement.Principal),
      hasCondition: isRecord(statement.Condition) && Object.keys(statement.Condition).length > 0,
    }));
}

function principalsOf(principal: unknown): string[] {
  if (principal === undefined) return [];
  if (typeof principal === 'string') return [principal];
  if (isRecord(principal)) return Object.values(principal).flatMap((ids) => list(ids).map(String));
  return [];
}

function fromDocument(values: Record<string, unknown>): Statement[] {
  return blocks(values.statement).map((statement) => ({
    effect: String(statement.effect ?? 'Allow'),
    principals: blocks(statement.principals).flatMap((principal) => list(principal.identifiers).map(String)),
    hasCondition: blocks(statement.condition).length > 0,
  }));
}
