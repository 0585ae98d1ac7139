import { type AttackContext, call, fillPath, PLACEHOLDER_ID, validBody } from '../attack.js';
import { fieldsWhere, typeOf, withField } from '../bodies.js';
import { bearer, send } from '../client.js';
import type { Operation } from '../openapi.js';
import type { Recorder } from '../record.js';

/** Bounds for the answer to a huge invalid body (finding 4: 21,000 bad items → a 3.6 MB answer). */
export const HUGE_ITEMS = 21_000;
export const MAX_ERROR_BYTES = 16 * 1024;
export const MAX_ERROR_MS = 2_000;

/** Every array field of a body gets 21,000 items of the wrong type: a small 400 (or 413), quickly. */
export async function checkHugeArrays(context: AttackContext, op: Operation): Promise<void> {
  if (!op.body || op.method === 'GET') return;
  const { recorder, refs } = context;
  const path = fillPath(op, refs.a);
  if (path === undefined) return;
  for (const field of fieldsWhere(op.body, (schema) => typeOf(schema) === 'array')) {
    const body = withField(
      validBody(op, refs.a),
      field,
      Array.from({ length: HUGE_ITEMS }, () => ({})),
    );
    const answer = await call(context, op, { token: context.tokenA, path, body });
    const check = `${HUGE_ITEMS} invalid items in ${field.join('.')}`;
    const detail = `${answer.status}, ${answer.bytes} bytes in ${Math.round(answer.ms)} ms`;
    const bounded =
      (answer.status === 400 || answer.status === 413) &&
      answer.bytes <= MAX_ERROR_BYTES &&
      answer.ms <= MAX_ERROR_MS;
    if (bounded) recorder.pass(op, 'resource-consumption', check, detail);
    else
      recorder.fail(
        op,
        'resource-consumption',
        check,
        'unbounded-error',
        `${detail} (bound: 400, ≤ ${MAX_ERROR_BYTES} bytes, ≤ ${MAX_ERROR_MS} ms)`,
      );
  }
}

/**
 * Finding 8: a client hammering with bad tokens must meet a rate limit (429) before authentication
 * answers every one of them 401. `url` is a process of the service started with a small limit.
 */
export async function checkRateLimitBeforeAuth(
  recorder: Recorder,
  service: string,
  url: string,
  op: Operation,
  attempts: number,
): Promise<void> {
  const statuses: number[] = [];
  for (let i = 0; i < attempts; i++) {
    const answer = await send(
      `${url}${op.path.replace(/\{[^}]+\}/g, PLACEHOLDER_ID)}`,
      'GET',
      bearer('not-a-token'),
    );
    statuses.push(answer.status);
  }
  const limited = statuses.filter((status) => status === 429).length;
  const check = `${attempts} bad-token requests from one address`;
  const subject = { ...op, service };
  if (limited > 0) recorder.pass(subject, 'resource-consumption', check, `${limited} answered 429`);
  else
    recorder.fail(
      subject,
      'resource-consumption',
      check,
      'no-rate-limit-before-auth',
      `answers: ${[...new Set(statuses)].join(', ')}, no 429`,
    );
}
