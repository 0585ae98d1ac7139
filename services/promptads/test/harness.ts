import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildBusiness } from '../../business/app.js';
import { loadBusinessConfig } from '../../business/config.js';
import { migrateBusiness } from '../../business/migrate.js';
import {
  createTestMysqlDatabase,
  createTestPostgresDatabase,
  deleteRedisPrefix,
  type LocalIssuer,
  startLocalIssuer,
  startTcpProxy,
  type TcpProxy,
  TEST_AUDIENCE,
  TEST_TENANT,
  type TestPostgresDatabase,
  testServiceEnv,
  throughProxy,
  uniqueRedisPrefix,
} from '../../test-support/index.js';
import { buildPromptAds } from '../app.js';
import { loadPromptAdsConfig } from '../config.js';
import { migratePromptAds } from '../migrate.js';

export const AUDIENCE = TEST_AUDIENCE;
const CLIENT = { id: 'promptads', secret: 'promptads-test-secret' };

/**
 * PromptAds on its own PostgreSQL database (behind a TCP proxy the tests can cut) calling a real
 * Business service over HTTP, both trusting one local issuer.
 */
export interface AdsHarness {
  app: FastifyInstance;
  business: FastifyInstance;
  businessUrl: string;
  issuer: LocalIssuer;
  /** `url` is the owner (migrations, test inspection); the app connects as `appUrl`, a non-owner role. */
  database: TestPostgresDatabase;
  proxy: TcpProxy;
  /** Another PromptAds on the same database, configured with `env` overrides (closed in `close`). */
  variant(env: Record<string, string>): Promise<FastifyInstance>;
  /** An HTTP server that accepts requests and never answers. */
  blackHole(): Promise<string>;
  /** A URL on a port nothing listens on. */
  closedPort(): Promise<string>;
  /** A token for `tenant` (TEST_TENANT unless told; `null`: none) with read and write scopes unless told. */
  token(scopes?: string[], subject?: string, tenant?: string | null): Promise<string>;
  call(
    options: InjectOptions & { scopes?: string[]; subject?: string; tenant?: string | null },
    app?: FastifyInstance,
  ): Promise<LightMyRequestResponse>;
  /** Sets up an account's Business subscription to a plan with these features, paid up. */
  entitle(accountId: string, features: string[]): Promise<void>;
  /** Cancels the account's Business subscription. */
  cancelSubscription(accountId: string): Promise<void>;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function startAdsHarness(label: string): Promise<AdsHarness> {
  const issuer = await startLocalIssuer({ defaultAudience: AUDIENCE });
  issuer.registerClient(CLIENT.id, {
    secret: CLIENT.secret,
    audience: AUDIENCE,
    scopes: ['business:entitlements', 'business:delegate'],
  });
  const redisPrefix = uniqueRedisPrefix(label);

  const businessDb = await createTestMysqlDatabase(`${label}_business`);
  await migrateBusiness(businessDb.url);
  const { app: business } = await buildBusiness(
    loadBusinessConfig(
      testServiceEnv(issuer, `${redisPrefix}business:`, {
        DATABASE_URL: businessDb.url,
        PAYMENT_GATEWAY: 'recording',
      }),
    ),
  );
  const businessUrl = await business.listen({ host: '127.0.0.1', port: 0 });

  const database = await createTestPostgresDatabase(label);
  await migratePromptAds(database.url);
  const proxy = await startTcpProxy(Number(new URL(database.url).port || 5432));
  const baseEnv = testServiceEnv(issuer, `${redisPrefix}ads:`, {
    DATABASE_URL: throughProxy(database.appUrl, proxy),
    BUSINESS_URL: businessUrl,
    OIDC_TOKEN_URL: issuer.tokenUrl,
    OIDC_CLIENT_ID: CLIENT.id,
    OIDC_CLIENT_SECRET: CLIENT.secret,
    BODY_LIMIT_BYTES: '8192',
  });
  const build = async (env: Record<string, string>) =>
    (await buildPromptAds(loadPromptAdsConfig({ ...baseEnv, ...env }))).app;
  const app = await build({});
  const extras: FastifyInstance[] = [];
  const servers: Server[] = [];
  const adminPool = new pg.Pool({ connectionString: database.url, max: 2 });

  const token = (
    scopes = ['promptads:read', 'promptads:write'],
    subject = 'planner-1',
    tenant: string | null = TEST_TENANT,
  ) => issuer.token({ scopes, subject, tenant: tenant ?? undefined });
  /** Platform staff set up the plan; the account (its tenant) subscribes, pays and is captured. */
  const businessHeaders = async (scopes: string[], tenant?: string) => ({
    authorization: `Bearer ${await issuer.token({ scopes, subject: 'billing-admin', tenant })}`,
    'idempotency-key': randomUUID(),
  });
  let plans = 0;

  return {
    app,
    business,
    businessUrl,
    issuer,
    database,
    proxy,
    variant: async (env) => {
      const extra = await build(env);
      extras.push(extra);
      return extra;
    },
    blackHole: async () => {
      const server = createServer(() => undefined);
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    closedPort: async () => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return `http://127.0.0.1:${port}`;
    },
    token,
    call: async ({ scopes, subject, tenant, headers, ...options }, target = app) =>
      target.inject({
        ...options,
        headers: { authorization: `Bearer ${await token(scopes, subject, tenant)}`, ...headers },
      }),
    entitle: async (accountId, features) => {
      const planId = `plan-${++plans}`;
      const plan = await business.inject({
        method: 'POST',
        url: '/api/business/v1/plans',
        headers: await businessHeaders(['business:admin']),
        payload: {
          id: planId,
          name: planId,
          priceCents: 1000,
          currency: 'USD',
          billingPeriod: 'monthly',
          features,
        },
      });
      if (plan.statusCode !== 201) throw new Error(`plan setup failed: ${plan.body}`);
      const subscription = await business.inject({
        method: 'POST',
        url: '/api/business/v1/subscriptions',
        headers: await businessHeaders(['business:write'], accountId),
        payload: { planId },
      });
      if (subscription.statusCode !== 201) throw new Error(`subscription setup failed: ${subscription.body}`);
      const payment = await business.inject({
        method: 'POST',
        url: '/api/business/v1/payments',
        headers: await businessHeaders(['business:write'], accountId),
        payload: { subscriptionId: subscription.json().id },
      });
      const captured = await business.inject({
        method: 'POST',
        url: `/api/business/v1/payments/${payment.json().id}/capture`,
        headers: await businessHeaders(['business:payments'], accountId),
      });
      if (captured.json().status !== 'captured') throw new Error(`payment setup failed: ${captured.body}`);
    },
    cancelSubscription: async (accountId) => {
      const listed = await business.inject({
        method: 'GET',
        url: '/api/business/v1/subscriptions?status=active',
        headers: await businessHeaders(['business:read'], accountId),
      });
      for (const { id } of listed.json().items as Array<{ id: string }>) {
        const cancelled = await business.inject({
          method: 'POST',
          url: `/api/business/v1/subscriptions/${id}/cancel`,
          headers: await businessHeaders(['business:write'], accountId),
        });
        if (cancelled.statusCode !== 200) throw new Error(`cancelling failed: ${cancelled.body}`);
      }
    },
    sql: async <T>(query: string, params: unknown[] = []) =>
      (await adminPool.query(query, params)).rows as T[],
    close: async () => {
      for (const extra of extras) await extra.close();
      await app.close();
      await business.close();
      for (const server of servers) {
        server.closeAllConnections();
        server.close();
      }
      await adminPool.end();
      await proxy.close();
      await database.drop();
      await businessDb.drop();
      await issuer.close();
      await deleteRedisPrefix(redisPrefix);
    },
  };
}
