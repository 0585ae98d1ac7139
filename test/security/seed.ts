import { type AttackContext, call, fillPath, isCollectionCreate, validBody } from './attack.js';
import { kindOfPathParam, type Refs } from './bodies.js';
import { idsIn, is2xx } from './client.js';
import type { Operation } from './openapi.js';
import { FOLLOW_UPS } from './scenario.js';

/** The kind of object a collection create makes: `/api/x/v1/briefs` → brief. */
export function kindOfCollection(op: Operation): string {
  return kindOfPathParam(`${op.path}/{id}`, 'id') ?? op.operationId;
}

function remember(refs: Refs, kind: string, id: string) {
  refs.ids.set(kind, [...(refs.ids.get(kind) ?? []), id]);
}

/**
 * Creates one object of every kind the service's collection creates make, as the tenant `refs`
 * belongs to, in as many rounds as references need (a lead needs a contact first), and runs the
 * follow-up steps that put them in usable states. Returns what could not be created and why.
 */
export async function seedTenant(context: AttackContext, refs: Refs, token: string): Promise<string[]> {
  const pending = new Set(context.operations.filter(isCollectionCreate));
  const problems = new Map<Operation, string>();
  for (let round = 0; round < 4 && pending.size > 0; round++) {
    for (const op of [...pending]) {
      const path = fillPath(op, refs);
      if (path === undefined) {
        problems.set(op, 'its path names an object not created yet');
        continue;
      }
      const answer = await call(context, op, { token, path, body: validBody(op, refs) });
      if (!is2xx(answer.status)) {
        problems.set(op, `answered ${answer.status}: ${answer.text.slice(0, 200)}`);
        continue;
      }
      pending.delete(op);
      problems.delete(op);
      const [id] = idsIn(answer.json);
      if (id === undefined || op.pathParams.length > 0) continue;
      remember(refs, kindOfCollection(op), id);
      for (const step of FOLLOW_UPS[op.operationId] ?? []) {
        const follow = context.operations.find((candidate) => candidate.operationId === step.operationId);
        if (!follow) continue;
        const followPath = fillPath(follow, refs);
        if (!followPath) continue;
        const done = await call(context, follow, {
          token,
          path: followPath,
          body: step.body ?? validBody(follow, refs),
        });
        if (!is2xx(done.status))
          problems.set(
            follow,
            `follow-up of ${op.operationId} answered ${done.status}: ${done.text.slice(0, 200)}`,
          );
      }
    }
  }
  return [...problems].map(([op, why]) => `${context.target.name} ${op.operationId}: ${why}`);
}
