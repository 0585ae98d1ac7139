import type { FastifyRequest } from 'fastify';
import { forbidden } from '../kit/index.js';

/** The one tenant-id format across services: a lower-case slug. */
const TENANT_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** The tenant the caller's token acts for (claim `tenant_id`); a token without one gets 403. */
export function tenantOf(request: FastifyRequest): string {
  const claim = request.principal?.claims.tenant_id;
  if (typeof claim !== 'string' || !TENANT_ID.test(claim)) {
    throw forbidden('the token names no tenant, so it cannot act on tenant data');
  }
  return claim;
}
