import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from './problem.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A NUL (PostgreSQL text cannot hold it) or a UTF-16 surrogate without its pair (not Unicode; JSONB rejects it). */
function unstorable(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate';
  return undefined;
}

const pointerPart = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** The first string (or property name) in `value` that no store can hold, as a JSON pointer and a reason. */
export function findUnstorableText(value: unknown): { field: string; reason: string } | undefined {
  // Iterative walk: a deeply nested body must not exhaust the stack.
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [current, path] = pending.pop() as [unknown, string];
    if (typeof current === 'string') {
      const reason = unstorable(current);
      if (reason) return { field: path || '/', reason };
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => {
        pending.push([item, `${path}/${index}`]);
      });
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        const field = `${path}/${pointerPart(key)}`;
        const reason = unstorable(key);
        if (reason) return { field, reason: `name ${reason}` };
        pending.push([item, field]);
      }
    }
  }
  return undefined;
}

const PARTS = ['params', 'querystring', 'body'] as const;
const partOf = (request: FastifyRequest, part: (typeof PARTS)[number]) =>
  part === 'querystring' ? request.query : request[part];

/**
 * Rejects, before validation, any path parameter, query value or JSON string that no store can
 * hold: 400 problem+json naming the field, never a database error turned 500.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of PARTS) {
      const found = findUnstorableText(partOf(request, part));
      if (found) {
        throw badRequest(`${part} field ${found.field} ${found.reason}`, {
          errors: [{ in: part, field: found.field, message: found.reason }],
        });
      }
    }
  });
}
