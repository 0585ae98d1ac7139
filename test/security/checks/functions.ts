import { type AttackContext, call, fillPath, TENANT_A, tokenFor, validBody } from '../attack.js';
import { answerText } from '../client.js';
import type { Operation } from '../openapi.js';
import { EXACT_BODIES, ROLE_FUNCTIONS } from '../scenario.js';

/** Tenant A's own object, called with a token lacking `missing`: 403 and nothing else. */
async function refused(
  context: AttackContext,
  op: Operation,
  check: string,
  scopes: string[],
  body?: object,
) {
  const { recorder, refs } = context;
  const path = fillPath(op, refs.a);
  if (path === undefined) {
    recorder.notRun(op, 'function-authorization', check, 'no object of tenant A to aim at');
    return;
  }
  const token = await tokenFor(context.minter, TENANT_A, scopes, 'security-underprivileged');
  const answer = await call(context, op, { token, path, body: body ?? validBody(op, refs.a) });
  const seen = { status: answer.status, detail: answerText(answer) };
  recorder.expectStatus(op, 'function-authorization', check, seen, 403, 'missing-role-accepted');
}

/**
 * Function-level authorization: no operation answers a token without its service's scopes, no
 * change answers a read-only token, and admin and finance functions refuse a token holding every
 * scope but their role.
 */
export async function checkFunctionAuthorization(context: AttackContext, op: Operation): Promise<void> {
  const service = context.target.name;
  const own = (scope: string) => scope.startsWith(`${service}:`);
  await refused(
    context,
    op,
    `token without any ${service} scope`,
    context.scopes.filter((scope) => !own(scope)),
  );
  if (op.method !== 'GET') {
    await refused(context, op, `read-only token`, [
      ...context.scopes.filter((scope) => !own(scope)),
      `${service}:read`,
    ]);
  }
  const role = ROLE_FUNCTIONS[op.operationId];
  if (role) {
    const body =
      role.body && op.operationId in EXACT_BODIES
        ? role.body
        : role.body
          ? { ...validBody(op, context.refs.a), ...role.body }
          : undefined;
    await refused(
      context,
      op,
      `token without ${role.scope}`,
      context.scopes.filter((scope) => scope !== role.scope),
      body,
    );
  }
}
