/**
 * Offline check of the routes exempt from user tokens (services/kit/exempt-routes.ts): every
 * operation the four services document, other than those listed, answers 401 without a token;
 * and the kit refuses to start a service with an unauthenticated route the list does not name.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusinessHarness } from '../../services/business/test/harness.js';
import { EXEMPT_ROUTES, isExemptRoute } from '../../services/kit/index.js';
import { startAdsHarness } from '../../services/promptads/test/harness.js';
import { startContent } from '../../services/promptcontent/test/harness.js';
import { startCrm } from '../../services/promptcrm/test/harness.js';
import { deleteRedisPrefix, TEST_REDIS_URL, uniqueRedisPrefix } from '../../services/test-support/index.js';
import { PLACEHOLDER_ID } from './attack.js';
import { createNotesService } from './notes-service.js';
import { type OpenApiDocument, operationsOf } from './openapi.js';

/** The one documented operation answered without a user's token: PayPal's webhook deliveries. */
const EXEMPT_OPERATIONS: Record<string, string[]> = { business: ['receivePayPalWebhook'] };

const SERVICES = {
  business: startBusinessHarness,
  promptads: startAdsHarness,
  promptcontent: (label: string) => startContent(label),
  promptcrm: (label: string) => startCrm(label),
};

describe.each(Object.entries(SERVICES))('%s without a token', (name, start) => {
  let harness: { app: FastifyInstance; close(): Promise<void> };
  beforeAll(async () => {
    harness = await start(`exempt_${name}`);
    await harness.app.ready();
  });
  afterAll(() => harness?.close());

  it('answers 401 on every documented operation that exempt-routes.ts does not list', async () => {
    const prefix = `/api/${name}/v1`;
    const operations = operationsOf(name, harness.app.swagger() as OpenApiDocument);
    expect(operations.length).toBeGreaterThan(5);
    const answers: string[] = [];
    for (const op of operations) {
      const exempt = isExemptRoute(op.method, op.path.replace(/\{([^}]+)\}/g, ':$1'), prefix);
      const url = op.path.replace(/\{[^}]+\}/g, PLACEHOLDER_ID);
      const response = await harness.app.inject({
        method: op.method as 'GET',
        url,
        payload: op.body ? {} : undefined,
      });
      // An exempt operation still refuses a request that does not prove itself (here: 400, no signature).
      answers.push(`${op.operationId} ${exempt ? `exempt ${response.statusCode}` : response.statusCode}`);
    }
    const exempt = EXEMPT_OPERATIONS[name] ?? [];
    expect(answers).toEqual(
      operations.map((op) => `${op.operationId} ${exempt.includes(op.operationId) ? 'exempt 400' : 401}`),
    );
  });
});

describe('the kit', () => {
  const redisPrefix = uniqueRedisPrefix('exempt_kit');
  const env = {
    LOG_LEVEL: 'silent',
    PORT: '0',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    OIDC_ISSUER: 'http://127.0.0.1:9/issuer',
    OIDC_AUDIENCE: 'api://promptsales',
    OIDC_JWKS_URL: 'http://127.0.0.1:9/keys',
  };
  afterAll(() => deleteRedisPrefix(redisPrefix));

  it('refuses to start a service with an unauthenticated route the list does not name', async () => {
    const { app } = await createNotesService(env, { vulnerable: false });
    app.get('/debug/tenants', async () => ({ tenants: [] }));
    await expect(app.ready()).rejects.toThrow(
      'routes without authentication that services/kit/exempt-routes.ts does not list: GET /debug/tenants, HEAD /debug/tenants',
    );
    await app.close().catch(() => undefined);
  });

  it('starts a service whose only unauthenticated routes are the listed ones', async () => {
    const { app } = await createNotesService(env, { vulnerable: false });
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });

  it('lists health, readiness, metrics, the API documents and PayPal’s webhook, each with a reason', () => {
    expect(EXEMPT_ROUTES.map((route) => `${route.method} ${route.path}`)).toEqual([
      'GET /healthz',
      'GET /readyz',
      'GET /metrics',
      'GET {prefix}/docs',
      'GET {prefix}/docs/*',
      'POST /api/business/v1/paypal/webhooks',
    ]);
    for (const route of EXEMPT_ROUTES) expect(route.reason.length).toBeGreaterThan(10);
  });
});
