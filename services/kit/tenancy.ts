import type { FastifyRequest } from 'fastify';
import { HttpProblem, problemType } from './problem.js';

/**
 * Tenants: every customer's data belongs to exactly one tenant, named by a lowercase slug. The
 * "account id" other domains speak of is the same identifier.
 */
export const TENANT_ID_PATTERN = '^[a-z0-9][a-z0-9-]{1,62}$';
const TENANT_ID = new RegExp(TENANT_ID_PATTERN);

/** The tenant migrations move pre-tenancy rows under. */
export const DEFAULT_TENANT = 'default';

/** Header a service client (holding its delegation scope) uses to name the tenant it acts for. */
export const TENANT_HEADER = 'x-tenant-id';

export const tenantIdSchema = { type: 'string', pattern: TENANT_ID_PATTERN } as const;

export const isTenantId = (value: unknown): value is string =>
  typeof value === 'string' && TENANT_ID.test(value);

/**
 * The tenant the authenticated request acts for. Routes are tenant routes unless configured with
 * `tenant: false`, so the authenticator has already answered 403 when a token names none.
 */
export function tenantOf(request: FastifyRequest): string {
  const tenantId = request.principal?.tenantId;
  if (tenantId === undefined) {
    throw new HttpProblem(403, 'token carries no tenant; this route acts on a tenant’s data', {
      type: problemType('tenant-required'),
    });
  }
  return tenantId;
}

/**
 * The rate-limit bucket of a request: its tenant (service clients acting for a tenant share that
 * tenant's bucket), else the token's subject, else (unauthenticated) the client address.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const principal = request.principal;
  if (principal?.tenantId !== undefined) return `tenant:${principal.tenantId}`;
  if (principal) return `subject:${principal.subject}`;
  return `ip:${request.ip}`;
}
