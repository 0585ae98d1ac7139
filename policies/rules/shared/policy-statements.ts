import type { RuleContext } from '../../engine/rule.js';
import { type Condition, readDocument } from './iam-policy.js';

/** One statement of a bucket policy, in the JSON policy language's shape. */
export interface PolicyStatement {
  effect: string;
  /** `*` for everyone; otherwise the identifiers of every principal type. */
  principals: string[];
  actions: string[];
  hasNotAction: boolean;
  /** Condition operator → condition keys, e.g. `Bool` → [`aws:SecureTransport`]. */
  conditions: Record<string, Record<string, unknown>>;
}

/** The statements of a JSON policy string, or of the data.aws_iam_policy_document it references. */
export function readStatements(context: RuleContext, value: unknown): PolicyStatement[] | undefined {
  if (typeof value !== 'string') return undefined;
  const read = readDocument(context, value, 'policy');
  if (read.kind !== 'document') return undefined;
  return read.document.statements.map((statement) => ({
    effect: statement.effect,
    principals: statement.principals.flatMap((principal) => principal.identifiers),
    actions: statement.actions,
    hasNotAction: statement.notActions.length > 0,
    conditions: conditionsByOperator(statement.conditions),
  }));
}

/** Operator → condition key → values, the shape the JSON policy language writes. */
function conditionsByOperator(conditions: readonly Condition[]): PolicyStatement['conditions'] {
  const byOperator: PolicyStatement['conditions'] = {};
  for (const { test, variable, values } of conditions)
    byOperator[test] = { ...byOperator[test], [variable]: values };
  return byOperator;
}

/** Whether a statement's actions include `action`, directly or through a wildcard such as `s3:*`. */
export function allowsAction(statement: PolicyStatement, action: string): boolean {
  return statement.actions.some((pattern) => {
    const expression = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'i',
    );
    return expression.test(action);
  });
}
