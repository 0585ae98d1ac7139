import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, problemType } from './problem.js';
import type { WindowCounter } from './window-counter.js';

export interface ClientRateLimit {
  /** Requests one client address may make per window, whether or not its token is valid. */
  max: number;
  windowMs: number;
}

/**
 * Builds the `onRequest` hook that counts requests per client address (behind the trusted proxy
 * hops, the address the ALB saw) in fixed windows shared through Redis and answers 429 over the
 * limit. It runs before authentication, so a flood of bad tokens is stopped without verifying
 * each one; the per-tenant limit runs after authentication. A Redis outage lets requests through.
 */
export function createClientRateLimit(counter: WindowCounter, limit: ClientRateLimit) {
  const maxHeader = String(limit.max);
  return async function limitClientAddress(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const counted = counter.hit(`ip:${request.ip}`);
    if (counted === undefined) return;
    reply.header('x-ratelimit-client-limit', maxHeader);
    if (counted.count > limit.max) {
      const retryAfter = Math.max(1, Math.ceil(counted.resetMs / 1000));
      throw new HttpProblem(
        429,
        `more than ${limit.max} requests from one address in ${limit.windowMs / 1000} s; retry in ${retryAfter} s`,
        { type: problemType('rate-limited'), headers: { 'retry-after': String(retryAfter) } },
      );
    }
  };
}
