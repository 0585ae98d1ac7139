import { type AttackContext, call, fillPath, isCollectionCreate, TENANT_B, validBody } from '../attack.js';
import { fieldsWhere, stringFields, typeOf, uuid, withField } from '../bodies.js';
import { answerText, idsIn, is2xx } from '../client.js';
import type { JsonSchema, Operation } from '../openapi.js';

/** Fields a client must never set, with the values an attacker would try. */
function forbiddenFields(context: AttackContext) {
  return {
    id: uuid(),
    tenant_id: context.refs.a.tenant,
    tenantId: context.refs.a.tenant,
    accountId: context.refs.a.tenant,
    status: 'active',
    createdAt: '2000-01-01T00:00:00.000Z',
    createdBy: 'mallory',
    version: 999,
  };
}

/**
 * Mass assignment: a valid body plus fields the operation's schema does not offer (tenant, id,
 * status, audit fields): rejected (4xx) or ignored, never applied.
 */
export async function checkMassAssignment(context: AttackContext, op: Operation): Promise<void> {
  if (!op.body || op.method === 'GET') return;
  const { recorder, refs } = context;
  const path = fillPath(op, isCollectionCreate(op) ? refs.b : refs.a);
  const token = isCollectionCreate(op) ? context.tokenB : context.tokenA;
  const own = isCollectionCreate(op) ? refs.b : refs.a;
  if (path === undefined) {
    recorder.notRun(op, 'mass-assignment', 'extra fields', 'no object to aim at');
    return;
  }
  const offered = new Set(Object.keys(op.body.properties ?? {}));
  const extras = Object.fromEntries(
    Object.entries(forbiddenFields(context)).filter(([key]) => !offered.has(key)),
  );
  const body = { ...validBody(op, own), ...extras };
  const answer = await call(context, op, { token, path, body });
  const check = `extra fields ${Object.keys(extras).join(', ')}`;
  if (!is2xx(answer.status)) {
    if (answer.status >= 500)
      recorder.fail(op, 'mass-assignment', check, 'injection-error', `answered ${answerText(answer)}`);
    else recorder.pass(op, 'mass-assignment', check, `rejected with ${answer.status}`);
    return;
  }
  const echoed = (answer.json ?? {}) as Record<string, unknown>;
  const applied = Object.entries(extras).filter(
    ([key, value]) => echoed[key] === value && !(key === 'accountId' && value === TENANT_B),
  );
  if (applied.length > 0)
    recorder.fail(
      op,
      'mass-assignment',
      check,
      'mass-assignment',
      `applied ${applied.map(([key]) => key).join(', ')}`,
    );
  else recorder.pass(op, 'mass-assignment', check, `${answer.status}, extra fields ignored`);
}

const SQL = "' OR '1'='1' --";
const NOSQL = { $ne: null };

function outcomeOf(context: AttackContext, op: Operation, check: string, status: number, leaked: number) {
  const { recorder } = context;
  if (leaked > 0)
    recorder.fail(op, 'injection', check, 'injection-leak', `returned ${leaked} of tenant A's objects`);
  else if (status >= 500) recorder.fail(op, 'injection', check, 'injection-error', `answered ${status}`);
  else recorder.pass(op, 'injection', check, `${status}`);
}

/**
 * Injection: a SQL payload in every string field, query and path parameter, and a NoSQL operator
 * object in every string field: 4xx or stored verbatim, never 500 nor another tenant's data. Lists
 * are queried as tenant B, so any of tenant A's objects in the answer is a leak.
 */
export async function checkInjection(context: AttackContext, op: Operation): Promise<void> {
  const { refs } = context;
  const theirs = new Set([...refs.a.ids.values()].flat());
  const path = fillPath(op, refs.a);
  const leakedIn = (json: unknown) => idsIn(json).filter((id) => theirs.has(id)).length;
  if (path !== undefined && op.body && op.method !== 'GET') {
    const base = validBody(op, refs.a);
    for (const field of stringFields(op.body)) {
      for (const [name, payload] of [
        ['SQL', SQL],
        ['NoSQL', NOSQL],
      ] as const) {
        const answer = await call(context, op, {
          token: context.tokenA,
          path,
          body: withField(base, field, payload),
        });
        outcomeOf(context, op, `${name} payload in body ${field.join('.')}`, answer.status, 0);
      }
    }
  }
  for (const param of op.queryParams) {
    if (param.schema && typeOf(param.schema) !== 'string') continue;
    const answer = await call(context, op, {
      token: context.tokenB,
      query: `${param.name}=${encodeURIComponent(SQL)}`,
    });
    outcomeOf(context, op, `SQL payload in query ${param.name}`, answer.status, leakedIn(answer.json));
  }
  for (const param of op.pathParams) {
    const injected = op.path.replace(`{${param.name}}`, encodeURIComponent(SQL));
    const filled = fillPath(
      { ...op, path: injected, pathParams: op.pathParams.filter((p) => p !== param) },
      refs.a,
    );
    if (!filled) continue;
    const answer = await call(context, op, {
      token: context.tokenB,
      path: filled,
      body: validBody(op, refs.a),
    });
    outcomeOf(context, op, `SQL payload in path ${param.name}`, answer.status, leakedIn(answer.json));
  }
}

/** The crafted inputs of finding 6, each where the schema has a field it fits. */
const CRAFTED: { name: string; where: (schema: JsonSchema) => boolean; raw: string }[] = [
  { name: 'NUL byte', where: (s) => typeOf(s) === 'string' && !s.enum && !s.format, raw: '"a\\u0000b"' },
  {
    name: 'lone surrogate',
    where: (s) => typeOf(s) === 'string' && !s.enum && !s.format,
    raw: '"a\\ud800b"',
  },
  { name: 'leap second', where: (s) => s.format === 'date-time', raw: '"2026-12-31T23:59:60Z"' },
  { name: 'year 0000', where: (s) => s.format === 'date' || s.format === 'date-time', raw: '"0000-01-01"' },
  { name: '1e20', where: (s) => typeOf(s) === 'integer' || typeOf(s) === 'number', raw: '1e20' },
];

const MARK = '"__crafted__"';

/** Finding 6: crafted values in body fields and a forged cursor on lists → 4xx (or accepted), never 500. */
export async function checkCraftedInputs(context: AttackContext, op: Operation): Promise<void> {
  const { recorder, refs } = context;
  const path = fillPath(op, refs.a);
  if (path !== undefined && op.body && op.method !== 'GET') {
    const base = validBody(op, refs.a);
    for (const crafted of CRAFTED) {
      for (const field of fieldsWhere(op.body, crafted.where)) {
        const rawBody = JSON.stringify(withField(base, field, '__crafted__')).replace(MARK, crafted.raw);
        const answer = await call(context, op, { token: context.tokenA, path, rawBody });
        const check = `${crafted.name} in ${field.join('.')}`;
        if (answer.status >= 500)
          recorder.fail(op, 'crafted-input', check, 'crafted-input-error', `answered ${answerText(answer)}`);
        else recorder.pass(op, 'crafted-input', check, `${answer.status}`);
      }
    }
  }
  if (op.method === 'GET' && op.queryParams.some((param) => param.name === 'cursor') && path !== undefined) {
    const forged = Buffer.from(
      JSON.stringify({ createdAt: '2026-02-31T25:61:61.000Z', id: uuid() }),
    ).toString('base64url');
    for (const [check, cursor] of [
      ['forged cursor (impossible date)', forged],
      ['forged cursor (not base64 JSON)', 'AAAA'],
    ]) {
      const answer = await call(context, op, { token: context.tokenA, path, query: `cursor=${cursor}` });
      if (answer.status >= 500)
        recorder.fail(op, 'crafted-input', check!, 'crafted-input-error', `answered ${answerText(answer)}`);
      else recorder.pass(op, 'crafted-input', check!, `${answer.status}`);
    }
  }
}
