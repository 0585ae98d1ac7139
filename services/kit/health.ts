import type { FastifyInstance } from 'fastify';
import type { Dependency } from './dependencies.js';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem.js';

const CHECK_TIMEOUT_MS = 1_500;

async function probe(dependency: Dependency): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('check timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([dependency.check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz`: the process answers (no dependency calls, so a database outage never restarts pods).
 * `/readyz`: every dependency answers; otherwise 503 problem+json naming the ones that are down.
 */
export function registerHealthRoutes(app: FastifyInstance, dependencies: Dependency[]): void {
  const hidden = { config: { rateLimit: false }, schema: { hide: true } } as const;

  app.get('/healthz', hidden, async () => ({ status: 'ok' }));

  app.get('/readyz', hidden, async (request, reply) => {
    const results = await Promise.all(dependencies.map(async (d) => [d.name, await probe(d)] as const));
    const checks = Object.fromEntries(results);
    const down = results.filter(([, state]) => state === 'down').map(([name]) => name);
    if (down.length === 0) return { status: 'ready', checks };
    request.log.warn({ down }, 'not ready');
    return reply
      .code(503)
      .type(PROBLEM_CONTENT_TYPE)
      .header('retry-after', '5')
      .send({
        type: problemType('not-ready'),
        title: 'Service Unavailable',
        status: 503,
        detail: `not ready: ${down.join(', ')} ${down.length === 1 ? 'is' : 'are'} down`,
        instance: request.url,
        requestId: request.id,
        checks,
      });
  });
}
