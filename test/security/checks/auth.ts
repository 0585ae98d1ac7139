import { type AttackContext, call, pathOrPlaceholder, TENANT_A, validBody } from '../attack.js';
import { answerText, is2xx } from '../client.js';
import type { Operation } from '../openapi.js';
import { TENANTLESS_OPERATIONS } from '../scenario.js';

/** Tokens that must never be accepted, each answered 401. */
async function badTokens(context: AttackContext): Promise<[string, string | undefined][]> {
  const { minter } = context;
  const good = { subject: 'security-attacker', scopes: context.scopes, tenant: TENANT_A };
  return [
    ['no token', undefined],
    ['bad signature', await minter.forgedToken(good)],
    ['expired', await minter.token({ ...good, expiresIn: -120 })],
    ['wrong audience', await minter.token({ ...good, audience: 'api://somebody-else' })],
    ['empty subject', await minter.token({ ...good, subject: '' })],
  ];
}

/**
 * Authentication failures on every operation: no token, a forged signature, an expired token, one
 * for another audience and one with `sub: ""` must each get 401; a valid token naming no tenant
 * must get 403 on every operation that acts on a tenant's data.
 */
export async function checkAuthentication(context: AttackContext, op: Operation): Promise<void> {
  const { recorder, refs } = context;
  const path = pathOrPlaceholder(op, refs.a);
  const body = validBody(op, refs.a);
  for (const [check, token] of await badTokens(context)) {
    const answer = await call(context, op, { token, path, body });
    if (answer.status === 401) recorder.pass(op, 'auth', check, '401');
    else if (is2xx(answer.status))
      recorder.fail(op, 'auth', check, 'token-accepted', `answered ${answerText(answer)}`);
    else recorder.fail(op, 'auth', check, 'auth-not-first', `answered ${answerText(answer)} instead of 401`);
  }
  if (TENANTLESS_OPERATIONS.has(op.operationId)) return;
  const tenantless = await context.minter.token({
    subject: 'security-no-tenant',
    scopes: context.scopes,
    expiresIn: 600,
  });
  const answer = await call(context, op, { token: tenantless, path, body });
  if (answer.status === 403) recorder.pass(op, 'auth', 'no tenant claim', '403');
  else if (is2xx(answer.status))
    recorder.fail(op, 'auth', 'no tenant claim', 'tenantless-accepted', `answered ${answerText(answer)}`);
  else
    recorder.fail(
      op,
      'auth',
      'no tenant claim',
      'tenantless-not-403',
      `answered ${answerText(answer)} instead of 403`,
    );
}

/** A token of tenant A naming tenant B in `x-tenant-id` (only a delegating service client may): 403. */
export async function checkTenantSwitch(context: AttackContext, op: Operation): Promise<void> {
  if (TENANTLESS_OPERATIONS.has(op.operationId)) return;
  const { recorder, refs } = context;
  const path = pathOrPlaceholder(op, refs.a);
  const answer = await call(context, op, {
    token: context.tokenA,
    path,
    body: validBody(op, refs.a),
    headers: { 'x-tenant-id': refs.b.tenant },
  });
  const seen = { status: answer.status, detail: answerText(answer) };
  recorder.expectStatus(
    op,
    'auth',
    'tenant switch through x-tenant-id',
    seen,
    403,
    'tenant-header-not-refused',
  );
}
