import { randomUUID } from 'node:crypto';
import type { TokenOptions } from '../../services/dev/issuer.js';
import { kindOfPathParam, type Refs, sampleValue } from './bodies.js';
import { type Answer, bearer, send } from './client.js';
import type { Operation } from './openapi.js';
import type { Recorder } from './record.js';
import { BODY_OVERRIDES, EXACT_BODIES, ROLE_SCOPES } from './scenario.js';
import type { Target } from './stage.js';

/** Mints tokens the services trust (the local issuer), and tokens signed by a key they do not. */
export interface Minter {
  token(options?: TokenOptions): Promise<string>;
  forgedToken(options?: TokenOptions): Promise<string>;
}

export const TENANT_A = 'sec-tenant-a';
export const TENANT_B = 'sec-tenant-b';
/** Every scope a user of the attacked services may hold: each service's read and write, and the roles. */
export function allScopes(services: string[]): string[] {
  return [...services.flatMap((service) => [`${service}:read`, `${service}:write`]), ...ROLE_SCOPES];
}

/** Everything a check needs: the service, its operations, who is who, what tenant A owns. */
export interface AttackContext {
  target: Target;
  operations: Operation[];
  recorder: Recorder;
  minter: Minter;
  /** Every scope (see `allScopes`): what tenant A's and B's tokens hold. */
  scopes: string[];
  tokenA: string;
  tokenB: string;
  /** What seeding created for each tenant in this service. */
  refs: { a: Refs; b: Refs };
}

export function tokenFor(minter: Minter, tenant: string | undefined, scopes: string[], subject?: string) {
  return minter.token({
    subject: subject ?? `security-${tenant ?? 'platform'}`,
    scopes,
    ...(tenant ? { tenant } : {}),
    expiresIn: 1800,
  });
}

/** `op.path` with each `{param}` filled from `refs` (the tenant itself for an account id), or undefined. */
export function fillPath(op: Operation, refs: Refs, context?: Target): string | undefined {
  let path = op.path;
  for (const param of op.pathParams) {
    const kind = kindOfPathParam(op.path, param.name);
    let value = kind ? refs.ids.get(kind)?.[0] : undefined;
    if (value === undefined && param.schema?.format !== 'uuid') {
      const sample = sampleValue(param.schema, param.name, refs);
      value = typeof sample === 'string' ? sample : undefined;
    }
    if (value === undefined) return undefined;
    path = path.replace(`{${param.name}}`, encodeURIComponent(value));
  }
  return context ? `${context.url}${path}` : path;
}

/** A well-formed id for path parameters where no object is needed (checks that never reach a handler). */
export const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** `op.path` filled from `refs`, or with placeholder ids when seeding made nothing to aim at. */
export function pathOrPlaceholder(op: Operation, refs: Refs): string {
  return fillPath(op, refs) ?? op.path.replace(/\{[^}]+\}/g, PLACEHOLDER_ID);
}

export function validBody(op: Operation, refs: Refs): Record<string, unknown> | undefined {
  if (!op.body) return undefined;
  const exact = EXACT_BODIES[op.operationId];
  if (exact) return { ...exact };
  const sampled = sampleValue(op.body, op.operationId, refs) as Record<string, unknown>;
  return { ...sampled, ...(BODY_OVERRIDES[op.operationId] ?? {}) };
}

/** Sends `op` with `token`; POSTs carry a fresh Idempotency-Key (required on payments). */
export function call(
  context: AttackContext,
  op: Operation,
  options: {
    token?: string;
    path?: string;
    body?: unknown;
    rawBody?: string;
    query?: string;
    headers?: Record<string, string>;
  },
): Promise<Answer> {
  const path = options.path ?? op.path;
  const headers: Record<string, string> = {
    ...(options.token ? bearer(options.token) : {}),
    ...(op.method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
    ...options.headers,
  };
  const body =
    options.rawBody ??
    (options.body !== undefined
      ? JSON.stringify(options.body)
      : op.method === 'GET'
        ? undefined
        : op.body
          ? '{}'
          : undefined);
  const query = options.query ? `?${options.query}` : '';
  return send(`${context.target.url}${path}${query}`, op.method, headers, body);
}

/** The GET of the object `op` acts on (`/briefs/{id}` for `/briefs/{id}/status-changes`), if documented. */
export function itemReadOf(op: Operation, operations: Operation[]): Operation | undefined {
  const last = op.path.lastIndexOf('}');
  if (last < 0) return undefined;
  const itemPath = op.path.slice(0, last + 1);
  return operations.find((candidate) => candidate.method === 'GET' && candidate.path === itemPath);
}

/** Collection creates: POST without path parameters. */
export const isCollectionCreate = (op: Operation) => op.method === 'POST' && op.pathParams.length === 0;
export const isList = (op: Operation) => op.method === 'GET' && !op.path.endsWith('}');
