import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { HttpProblem, problemType } from './problem.js';
import { rateLimitKey } from './tenancy.js';
import type { WindowCounter } from './window-counter.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false`: the route is not counted against the caller's limit (probes, metrics). */
    rateLimit?: false;
  }
}

/**
 * Counts every request of a route against its caller's bucket (`rateLimitKey`: the tenant, else
 * the token's subject, else the client address) and answers 429 problem+json with `Retry-After`
 * over `max` per window. The check is a route-level `onRequest` hook, so it runs after the
 * app's and the API scope's hooks: after authentication, when the tenant is known. Every answer
 * carries `x-ratelimit-limit`, `x-ratelimit-remaining` and `x-ratelimit-reset` (seconds).
 */
export function installTenantRateLimit(app: FastifyInstance, counter: WindowCounter, max: number): void {
  const maxHeader = String(max);
  const limit: onRequestHookHandler = async function limitCaller(
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    const counted = counter.hit(rateLimitKey(request));
    if (counted === undefined) return;
    const reset = Math.max(1, Math.ceil(counted.resetMs / 1000));
    reply.header('x-ratelimit-limit', maxHeader);
    reply.header('x-ratelimit-remaining', String(Math.max(0, max - counted.count)));
    reply.header('x-ratelimit-reset', String(reset));
    if (counted.count > max) {
      throw new HttpProblem(429, `rate limit of ${max} requests exceeded; retry in ${reset} s`, {
        type: problemType('rate-limited'),
        headers: { 'retry-after': String(reset) },
      });
    }
  };
  app.addHook('onRoute', (route) => {
    if (route.config?.rateLimit === false) return;
    const hooks = route.onRequest;
    route.onRequest = hooks === undefined ? [limit] : [...[hooks].flat(), limit];
  });
}
