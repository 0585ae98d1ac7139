import type { FastifyInstance } from 'fastify';
import type { Dependency } from './dependencies.js';
import { PROBLEM_CONTENT_TYPE, problemType, requestPath } from './problem.js';

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

/** How long one probe of the dependencies answers `/readyz` by default: a flood of probes reaches the stores at most once per period. */
export const READINESS_CACHE_MS = 1_000;

type Checks = Record<string, 'up' | 'down'>;

/** Probes every dependency at most once per `ttlMs`; callers during a probe share it. */
export function cachedReadinessProbe(dependencies: Dependency[], ttlMs = READINESS_CACHE_MS) {
  let last: { at: number; checks: Promise<Checks> } | undefined;
  return (): Promise<Checks> => {
    const now = Date.now();
    if (!last || now - last.at >= ttlMs) {
      const checks = Promise.all(dependencies.map(async (d) => [d.name, await probe(d)] as const)).then(
        (results) => Object.fromEntries(results) as Checks,
      );
      last = { at: now, checks };
    }
    return last.checks;
  };
}

/**
 * `/healthz`: the process answers (no dependency calls, so a database outage never restarts pods).
 * `/readyz`: every dependency answers (probed at most once a second, see `cachedReadinessProbe`);
 * otherwise 503 problem+json naming the ones that are down.
 */
export function registerHealthRoutes(
  app: FastifyInstance,
  dependencies: Dependency[],
  cacheMs = READINESS_CACHE_MS,
): void {
  const readiness = cachedReadinessProbe(dependencies, cacheMs);
  const hidden = { config: { rateLimit: false }, schema: { hide: true } } as const;

  app.get('/healthz', hidden, async () => ({ status: 'ok' }));

  app.get('/readyz', hidden, async (request, reply) => {
    const checks = await readiness();
    const down = Object.entries(checks)
      .filter(([, state]) => state === 'down')
      .map(([name]) => name);
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
        instance: requestPath(request.url),
        requestId: request.id,
        checks,
      });
  });
}
