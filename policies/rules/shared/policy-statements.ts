import type { RuleContext } from '../../engine/rule.js';
import { blocks, isRecord, list } from '../../engine/values.js';

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
  try {
    const document: unknown = JSON.parse(value);
    if (!isRecord(document)) return undefined;
    return list(document.Statement).filter(isRecord).map(fromJson);
  } catch {
    const resolved = context.resolve(value);
    if (resolved.kind === 'reference' && resolved.target.type === 'aws_iam_policy_document')
      return blocks(resolved.target.values.statement).map(fromDocument);
    return undefined;
  }
}

function fromJson(statement: Record<string, unknown>): PolicyStatement {
  const principal = statement.Principal;
  const principals =
    typeof principal === 'string'
      ? [principal]
      : isRecord(principal)
        ? Object.values(principal).flatMap((ids) => list(ids).map(String))
        : [];
  const conditions: PolicyStatement['conditions'] = {};
  if (isRecord(statement.Condition))
    for (const [operator, keys] of Object.entries(statement.Condition))
      if (isRecord(keys)) conditions[operator] = keys;
  return {
    effect: String(statement.Effect ?? ''),
    principals,
    actions: list(statement.Action).map(String),
    hasNotAction: statement.NotAction !== undefined,
    conditions,
  };
}

function fromDocument(statement: Record<string, unknown>): PolicyStatement {
  const conditions: PolicyStatement['conditions'] = {};
  for (const condition of blocks(statement.condition)) {
    const operator = String(condition.test ?? '');
    conditions[operator] = {
      ...conditions[operator],
      [String(condition.variable ?? '')]: list(condition.values),
    };
  }
  return {
    effect: String(statement.effect ?? 'Allow'),
    principals: blocks(statement.principals).flatMap((principal) => list(principal.identifiers).map(String)),
    actions: list(statement.actions).map(String),
    hasNotAction: statement.not_actions !== undefined,
    conditions,
  };
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
