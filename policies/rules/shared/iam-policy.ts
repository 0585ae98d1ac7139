import { combine, fail, pass, type Resource, type Stack, unknown, type Verdict } from '../../engine/model.js';
import type { RuleContext } from '../../engine/rule.js';
import { blocks, isRecord, list } from '../../engine/values.js';

/** `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for `"Principal": "*"`. */
export interface Principal {
  type: string;
  identifiers: string[];
}

export interface Condition {
  /** The operator, e.g. `StringEquals`. */
  test: string;
  /** The condition key, e.g. `aws:SourceAccount`. */
  variable: string;
  values: string[];
}

/** One statement, read the same whether it came from policy JSON or an aws_iam_policy_document block. */
export interface Statement {
  index: number;
  sid?: string;
  effect: string;
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  principals: Principal[];
  notPrincipals: Principal[];
  conditions: Condition[];
}

export interface PolicyDocument {
  /** Where the statements were read: `policy`, or the data source's address. */
  origin: string;
  statements: Statement[];
}

export type DocumentRead =
  | { kind: 'absent' }
  | { kind: 'document'; document: PolicyDocument }
  | { kind: 'unknown'; detail: string };

export const POLICY_DOCUMENT = 'aws_iam_policy_document';
export const POLICY_DOCUMENT_DATA = `data.${POLICY_DOCUMENT}`;

const strings = (value: unknown): string[] => list(value).map(String);

/**
 * A policy as a resource holds it: a JSON string (cdktf keeps `${…}` tokens inside JSON values, so it
 * still parses), or a `${data.aws_iam_policy_document.<name>.json}` reference, read as that data
 * source's statements (through a cdktf cross-stack output too).
 */
export function readDocument(context: RuleContext, value: unknown, attribute: string): DocumentRead {
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (isRecord(value)) return { kind: 'document', document: fromJson(value, attribute) };
  if (typeof value !== 'string') return { kind: 'unknown', detail: `${attribute} is not a policy document` };
  // Every rule of the pack reads the same documents: each string is read once per stack.
  let byValue = readsByStack.get(context.stack);
  if (!byValue) {
    byValue = new Map();
    readsByStack.set(context.stack, byValue);
  }
  const key = `${attribute}\n${value}`;
  let read = byValue.get(key);
  if (!read) {
    read = readString(context, value, attribute);
    byValue.set(key, read);
  }
  return read;
}

const readsByStack = new WeakMap<Stack, Map<string, DocumentRead>>();

function readString(context: RuleContext, value: string, attribute: string): DocumentRead {
  let parsed: unknown;
  try {
    if (value.trimStart().startsWith('${')) throw new SyntaxError('a reference');
    parsed = JSON.parse(value);
  } catch {
    const resolved = context.resolve(value);
    if (resolved.kind === 'literal' && typeof resolved.value === 'string' && resolved.value !== value) {
      return readDocument(context, resolved.value, attribute);
    }
    if (resolved.kind === 'reference' && resolved.target.address.startsWith(`${POLICY_DOCUMENT_DATA}.`)) {
      return { kind: 'document', document: fromDataSource(resolved.target, context) };
    }
    return { kind: 'unknown', detail: `${attribute} ${value} cannot be read from the synthesized output` };
  }
  return isRecord(parsed)
    ? { kind: 'document', document: fromJson(parsed, attribute) }
    : { kind: 'unknown', detail: `${attribute} is JSON but not a policy document` };
}

export function fromJson(document: Record<string, unknown>, origin: string): PolicyDocument {
  const statements = list(document.Statement)
    .filter(isRecord)
    .map(
      (statement, index): Statement => ({
        index,
        ...(typeof statement.Sid === 'string' ? { sid: statement.Sid } : {}),
        effect: String(statement.Effect ?? 'Allow'),
        actions: strings(statement.Action),
        notActions: strings(statement.NotAction),
        resources: strings(statement.Resource),
        notResources: strings(statement.NotResource),
        principals: principalsOfJson(statement.Principal),
        notPrincipals: principalsOfJson(statement.NotPrincipal),
        conditions: conditionsOfJson(statement.Condition),
      }),
    );
  return { origin, statements };
}

function principalsOfJson(principal: unknown): Principal[] {
  if (principal === undefined || principal === null) return [];
  if (typeof principal === 'string')
    return [{ type: principal === '*' ? '*' : 'AWS', identifiers: [principal] }];
  if (!isRecord(principal)) return [];
  return Object.entries(principal).map(([type, identifiers]) => ({
    type,
    identifiers: strings(identifiers),
  }));
}

function conditionsOfJson(condition: unknown): Condition[] {
  if (!isRecord(condition)) return [];
  return Object.entries(condition).flatMap(([test, byKey]) =>
    isRecord(byKey)
      ? Object.entries(byKey).map(([variable, values]) => ({ test, variable, values: strings(values) }))
      : [],
  );
}

/**
 * The statements of a data.aws_iam_policy_document, with those of the documents it merges
 * (`source_policy_documents` first, then its own, then `override_policy_documents`, as the provider does;
 * an override statement replaces an earlier one with the same sid).
 */
export function fromDataSource(source: Resource, context: RuleContext, hops = 0): PolicyDocument {
  const cached = documentsBySource.get(source);
  if (cached) return cached;
  const document = readDataSource(source, context, hops);
  documentsBySource.set(source, document);
  return document;
}

const documentsBySource = new WeakMap<Resource, PolicyDocument>();

function readDataSource(source: Resource, context: RuleContext, hops: number): PolicyDocument {
  const merged = (attribute: string): Statement[] =>
    hops > 4
      ? []
      : strings(source.values[attribute]).flatMap((value) => {
          const read = readDocument(context, value, `${source.address}.${attribute}`);
          return read.kind === 'document' ? read.document.statements : [];
        });
  const own = blocks(source.values.statement).map(
    (statement, index): Statement => ({
      index,
      ...(typeof statement.sid === 'string' ? { sid: statement.sid } : {}),
      effect: String(statement.effect ?? 'Allow'),
      actions: strings(statement.actions),
      notActions: strings(statement.not_actions),
      resources: strings(statement.resources),
      notResources: strings(statement.not_resources),
      principals: principalsOfBlocks(statement.principals),
      notPrincipals: principalsOfBlocks(statement.not_principals),
      conditions: blocks(statement.condition).map((condition) => ({
        test: String(condition.test ?? ''),
        variable: String(condition.variable ?? ''),
        values: strings(condition.values),
      })),
    }),
  );
  const overrides = merged('override_policy_documents');
  const overridden = new Set(overrides.flatMap((statement) => (statement.sid ? [statement.sid] : [])));
  const statements = [...merged('source_policy_documents'), ...own]
    .filter((statement) => !statement.sid || !overridden.has(statement.sid))
    .concat(overrides)
    .map((statement, index) => ({ ...statement, index }));
  return { origin: source.address, statements };
}

function principalsOfBlocks(value: unknown): Principal[] {
  return blocks(value).map((principal) => ({
    type: String(principal.type ?? ''),
    identifiers: strings(principal.identifiers),
  }));
}

/** Identity policies grant their holder; trust policies say who may assume a role. */
export type Purpose = 'identity' | 'trust';

/** One policy document a rule judges on a block, named by the attribute that holds it. */
export interface Subject {
  attribute: string;
  read: DocumentRead;
}

const IDENTITY_POLICY_TYPES = new Set([
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
]);

/** The resource types whose identity policies the IAM rules read, plus the policy document data source. */
export const IDENTITY_POLICY_BLOCKS = [
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_iam_role',
  POLICY_DOCUMENT_DATA,
] as const;

/**
 * The documents of one block a rule of `purpose` judges. A policy document data source is judged
 * where it is used: through the resource whose attribute references it (an IAM policy, a role's
 * trust, or a resource policy such as a KMS key's, which identity rules do not read); only a
 * document no resource uses is judged on its own, as a scanner reading the data source would.
 */
export function subjectsOf(block: Resource, context: RuleContext, purpose: Purpose): Subject[] {
  if (block.address.startsWith(`${POLICY_DOCUMENT_DATA}.`)) {
    if (isReferenced(context.stack, block.address)) return [];
    return [{ attribute: 'statement', read: { kind: 'document', document: fromDataSource(block, context) } }];
  }
  if (purpose === 'trust') {
    return block.type === 'aws_iam_role'
      ? [
          {
            attribute: 'assume_role_policy',
            read: readDocument(context, block.values.assume_role_policy, 'assume_role_policy'),
          },
        ]
      : [];
  }
  if (IDENTITY_POLICY_TYPES.has(block.type)) {
    return [{ attribute: 'policy', read: readDocument(context, block.values.policy, 'policy') }];
  }
  if (block.type === 'aws_iam_role') {
    return blocks(block.values.inline_policy).map((inline, index) => ({
      attribute: `inline_policy[${index}].policy`,
      read: readDocument(context, inline.policy, `inline_policy[${index}].policy`),
    }));
  }
  return [];
}

const referencedByStack = new WeakMap<Stack, Map<string, number>>();
const DATA_REFERENCE = /data\.([A-Za-z][\w-]*)\.([\w-]+)\./g;

function countReferences(text: string, into: Map<string, number>, sign: 1 | -1): void {
  for (const [, type, name] of text.matchAll(DATA_REFERENCE)) {
    const address = `data.${type}.${name}`;
    into.set(address, (into.get(address) ?? 0) + sign);
  }
}

/**
 * Whether a resource of the stack, or a data source merging it, references the data source at
 * `address`: then the data source is judged where it is used. A reference from an output alone
 * leaves it to be judged on its own. (Read from the stack's text: one pass instead of one per block.)
 */
export function isReferenced(stack: Stack, address: string): boolean {
  let references = referencedByStack.get(stack);
  if (!references) {
    references = new Map();
    countReferences(stack.text, references, 1);
    countReferences(JSON.stringify(stack.outputs), references, -1);
    referencedByStack.set(stack, references);
  }
  return (references.get(address) ?? 0) > 0;
}

export const isAllow = (statement: Statement): boolean => statement.effect === 'Allow';

/** A statement that names a principal belongs to a resource-based policy (a key, topic or trust policy). */
export const namesPrincipal = (statement: Statement): boolean =>
  statement.principals.length > 0 || statement.notPrincipals.length > 0;

/** Where a statement sits, for messages: `policy statement 2 ("Sid")`. */
export function describe(document: PolicyDocument, statement: Statement): string {
  return `${document.origin} statement ${statement.index}${statement.sid ? ` ("${statement.sid}")` : ''}`;
}

/**
 * Judges every document of a block: `judge` returns one message per finding. A document that cannot
 * be read from the synthesized output is unknown, never a pass.
 */
export function judgeDocuments(
  block: Resource,
  context: RuleContext,
  purpose: Purpose,
  judge: (document: PolicyDocument) => string[],
): Verdict {
  return combine(
    subjectsOf(block, context, purpose).map(({ read }) => {
      if (read.kind === 'absent') return pass();
      if (read.kind === 'unknown') return unknown(read.detail);
      const messages = judge(read.document);
      return messages.length > 0 ? fail(...messages) : pass();
    }),
  );
}
