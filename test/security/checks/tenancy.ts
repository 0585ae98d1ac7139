import { type AttackContext, call, fillPath, isCollectionCreate, itemReadOf, validBody } from '../attack.js';
import { kindOfName } from '../bodies.js';
import { answerText, idsIn, is2xx } from '../client.js';
import type { Operation } from '../openapi.js';
import { TENANTLESS_OPERATIONS } from '../scenario.js';

const everyIdOf = (context: AttackContext) => new Set([...context.refs.a.ids.values()].flat());

/** Tenant A's object as A reads it, to prove an attempt by B changed nothing. */
async function snapshot(context: AttackContext, op: Operation): Promise<string | undefined> {
  const read = itemReadOf(op, context.operations);
  const path = read && fillPath(read, context.refs.a);
  if (!read || !path) return undefined;
  const answer = await call(context, read, { token: context.tokenA, path });
  return is2xx(answer.status) ? answer.text : undefined;
}

/** Tenant B calls an operation on tenant A's object: 404, and the object is unchanged. */
async function crossTenantObject(context: AttackContext, op: Operation): Promise<void> {
  const { recorder, refs } = context;
  const path = fillPath(op, refs.a);
  if (!path) {
    recorder.notRun(
      op,
      'tenancy',
      'cross-tenant object',
      'no object of tenant A to aim at (seeding did not create one)',
    );
    return;
  }
  const before = op.method === 'GET' ? undefined : await snapshot(context, op);
  const answer = await call(context, op, { token: context.tokenB, path, body: validBody(op, refs.a) });
  const after = before === undefined ? undefined : await snapshot(context, op);
  const check = `tenant B ${op.method === 'GET' ? 'reads' : 'changes'} tenant A's object`;
  if (is2xx(answer.status) || (before !== undefined && after !== before)) {
    const changed = before !== undefined && after !== before ? ' and the object changed' : '';
    recorder.fail(op, 'tenancy', check, 'cross-tenant-access', `answered ${answerText(answer)}${changed}`);
  } else if (answer.status === 404) recorder.pass(op, 'tenancy', check, '404, unchanged');
  else
    recorder.fail(
      op,
      'tenancy',
      check,
      'cross-tenant-oracle',
      `answered ${answerText(answer)} instead of 404`,
    );
}

/** Tenant B lists, with every filter aimed at tenant A's objects: none of them may appear. */
async function crossTenantList(context: AttackContext, op: Operation): Promise<void> {
  const { recorder, refs } = context;
  const theirs = everyIdOf(context);
  const filters = op.queryParams.flatMap((param) => {
    const kind = kindOfName(param.name);
    const id = kind ? refs.a.ids.get(kind)?.[0] : undefined;
    if (id) return [`${param.name}=${encodeURIComponent(id)}`];
    return /accountId/.test(param.name) && param.schema?.format !== 'uuid'
      ? [`${param.name}=${refs.a.tenant}`]
      : [];
  });
  for (const query of ['limit=100', ...filters.map((filter) => `limit=100&${filter}`)]) {
    const answer = await call(context, op, { token: context.tokenB, query });
    const leaked = idsIn(answer.json).filter((id) => theirs.has(id));
    const check = `tenant B lists ${query === 'limit=100' ? 'everything' : `by ${query.slice(10)}`}`;
    if (leaked.length > 0)
      recorder.fail(
        op,
        'tenancy',
        check,
        'cross-tenant-access',
        `listed ${leaked.length} of tenant A's objects`,
      );
    else if (answer.status >= 500)
      recorder.fail(op, 'tenancy', check, 'injection-error', `answered ${answerText(answer)}`);
    else recorder.pass(op, 'tenancy', check, `${answer.status}, none of tenant A's objects`);
  }
}

/**
 * Tenant B creates: with references to tenant A's objects it must be refused (4xx); without any,
 * the new object must be invisible to tenant A.
 */
async function crossTenantCreate(context: AttackContext, op: Operation): Promise<void> {
  const { recorder, refs } = context;
  const referencing = validBody(op, refs.a);
  const ownBody = validBody(op, refs.b);
  const refersToA =
    referencing !== undefined &&
    JSON.stringify(referencing) !== JSON.stringify(ownBody) &&
    [...everyIdOf(context), refs.a.tenant].some((id) => JSON.stringify(referencing).includes(`"${id}"`));
  if (refersToA) {
    const answer = await call(context, op, { token: context.tokenB, body: referencing });
    const check = "tenant B creates with references to tenant A's objects";
    if (is2xx(answer.status))
      recorder.fail(op, 'tenancy', check, 'cross-tenant-access', `answered ${answerText(answer)}`);
    else if (answer.status >= 500)
      recorder.fail(op, 'tenancy', check, 'injection-error', `answered ${answerText(answer)}`);
    else recorder.pass(op, 'tenancy', check, `${answer.status}`);
    return;
  }
  const read = context.operations.find(
    (candidate) =>
      candidate.method === 'GET' && candidate.path === `${op.path}/{${candidate.pathParams[0]?.name}}`,
  );
  const created = await call(context, op, { token: context.tokenB, body: ownBody });
  const [id] = idsIn(created.json);
  const check = "tenant B's new object is invisible to tenant A";
  if (!is2xx(created.status) || !id || !read) {
    recorder.notRun(
      op,
      'tenancy',
      check,
      `tenant B could not create one (${created.status}) or it has no item read`,
    );
    return;
  }
  const seen = await call(context, read, {
    token: context.tokenA,
    path: read.path.replace(/\{[^}]+\}/, encodeURIComponent(id)),
  });
  if (seen.status === 404) recorder.pass(op, 'tenancy', check, 'tenant A gets 404');
  else if (is2xx(seen.status))
    recorder.fail(op, 'tenancy', check, 'cross-tenant-access', `tenant A read it (${seen.status})`);
  else
    recorder.fail(op, 'tenancy', check, 'cross-tenant-oracle', `tenant A got ${seen.status} instead of 404`);
}

/** BOLA across two tenants on every operation that acts on a tenant's data. */
export async function checkTenancy(context: AttackContext, op: Operation): Promise<void> {
  if (TENANTLESS_OPERATIONS.has(op.operationId)) return;
  if (op.pathParams.length > 0) await crossTenantObject(context, op);
  else if (op.method === 'GET') await crossTenantList(context, op);
  else if (isCollectionCreate(op)) await crossTenantCreate(context, op);
}
