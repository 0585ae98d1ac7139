import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { HttpProblem, problemType } from './problem.js';

export interface ClientRateLimit {
  /** Requests one client address may make per window, whether or not its token is valid. */
  max: number;
  windowMs: number;
}

/**
 * Builds the `onRequest` hook that counts requests per client address (behind the trusted proxy
 * hops, the address the ALB saw) in fixed Redis windows and answers 429 over the limit. It runs
 * before authentication, so a flood of bad tokens is stopped without verifying each one; the
 * per-tenant limit runs after authentication. A Redis outage lets requests through.
 */
export function createClientRateLimit(redis: Redis, limit: ClientRateLimit) {
  return async function limitClientAddress(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const window = Math.floor(Date.now() / limit.windowMs);
    const key = `ratelimit-ip:${request.ip}:${window}`;
    let count: number;
    try {
      const results = await redis.multi().incr(key).pexpire(key, limit.windowMs).exec();
      count = Number(results?.[0]?.[1] ?? 0);
    } catch (error) {
      request.log.warn({ err: error }, 'client rate limit unavailable; request let through');
      return;
    }
    const resetMs = (window + 1) * limit.windowMs - Date.now();
    reply.header('x-ratelimit-client-limit', String(limit.max));
    if (count > limit.max) {
      const retryAfter = Math.max(1, Math.ceil(resetMs / 1000));
      throw new HttpProblem(
        429,
        `more than ${limit.max} requests from one address in ${limit.windowMs / 1000} s; retry in ${retryAfter} s`,
        { type: problemType('rate-limited'), headers: { 'retry-after': String(retryAfter) } },
      );
    }
  };
}
