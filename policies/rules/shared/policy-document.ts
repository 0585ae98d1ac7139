import type { RuleContext } from '../../engine/rule.js';
import { readDocument } from './iam-policy.js';

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
 * The statements of a resource policy (a topic's or a key's), as the IAM pack reads any policy
 * document: a JSON string or a reference to a data.aws_iam_policy_document.
 */
export function readPolicy(context: RuleContext, value: unknown): PolicyRead {
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (typeof value !== 'string') return { kind: 'unknown', detail: 'the policy is not a string' };
  const read = readDocument(context, value, 'policy');
  if (read.kind !== 'document')
    return { kind: 'unknown', detail: `the policy ${value} cannot be resolved from the synthesized output` };
  return {
    kind: 'statements',
    statements: read.document.statements.map((statement) => ({
      effect: statement.effect,
      principals: statement.principals.flatMap((principal) => principal.identifiers),
      hasCondition: statement.conditions.length > 0,
    })),
  };
}

/** An Allow statement for everyone without a condition: anyone with the ARN can use the resource. */
export function isPublic(statement: Statement): boolean {
  return statement.effect === 'Allow' && statement.principals.includes('*') && !statement.hasCondition;
}
