import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { type LocalIssuer, startLocalIssuer } from '../dev/issuer.js';
import type { ServiceApp } from '../kit/index.js';
import type { TestDatabase } from './databases.js';
import { deleteRedisPrefix, TEST_REDIS_URL, uniqueRedisPrefix } from './redis.js';

/** The audience every service under test accepts tokens for. */
export const TEST_AUDIENCE = 'api://promptsales';

/** The tenants tests act for: two, so every test can try to cross from one to the other. */
export const TEST_TENANT = 'tenant-a';
export const OTHER_TENANT = 'tenant-b';

/** Content type of every problem response. */
export const PROBLEM = 'application/problem+json; charset=utf-8';

/**
 * The environment any service under test needs: silent logs, its own Redis keys, trust in `issuer`,
 * and readiness probed on every call so an outage a test makes shows at once.
 */
export function testServiceEnv(
  issuer: LocalIssuer,
  redisPrefix: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    LOG_LEVEL: 'silent',
    PORT: '0',
    REDIS_KEY_PREFIX: redisPrefix,
    OIDC_ISSUER: issuer.issuer,
    OIDC_AUDIENCE: TEST_AUDIENCE,
    OIDC_JWKS_URL: issuer.jwksUrl,
    READINESS_CACHE_MS: '0',
    ...overrides,
  };
}

/** `url` with its port replaced by the proxy's, so a test can cut the connection behind it. */
export function throughProxy(url: string, proxy: { port: number }): string {
  const proxied = new URL(url);
  proxied.port = String(proxy.port);
  return proxied.toString();
}

/** Asserts a problem+json response with `status` and no stack trace; returns the parsed body. */
export function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toBe(PROBLEM);
  const body = JSON.parse(response.body);
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(response.body).not.toMatch(/at .+\.(ts|js):\d+/);
  return body;
}

export interface ServiceHarness {
  app: FastifyInstance;
  service: ServiceApp;
  issuer: LocalIssuer;
  database: TestDatabase;
  /**
   * A bearer header for `subject`, with read and write scopes and tenant TEST_TENANT unless told
   * otherwise (`tenant: null` for a token without a tenant).
   */
  authorization(
    subject?: string,
    scopes?: string[],
    tenant?: string | null,
  ): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

/**
 * A service's app on a fresh, migrated database, trusting its own local token issuer and keeping
 * its Redis keys under a prefix of its own; `close` removes all of it.
 */
export async function startServiceHarness<C>(
  label: string,
  service: {
    database: (label: string) => Promise<TestDatabase>;
    /** The service's configuration from the test environment (`testServiceEnv` with Redis and the database). */
    config: (env: Record<string, string>) => C;
    migrate: (config: C) => Promise<unknown>;
    /** Builds the app; `databaseUrl` is where the app (not the migrations) reaches the database. */
    build: (config: C, databaseUrl: string) => Promise<ServiceApp>;
    /** Who `authorization()` speaks for by default, and with which scopes. */
    subject: string;
    scopes: string[];
  },
  overrides: Record<string, string> = {},
  /** Rewrites the database URL the app uses (migrations always go direct), e.g. through a TCP proxy. */
  appDatabaseUrl: (url: string) => string = (url) => url,
): Promise<ServiceHarness> {
  const [issuer, database] = await Promise.all([
    startLocalIssuer({ defaultAudience: TEST_AUDIENCE }),
    service.database(label),
  ]);
  const redisPrefix = uniqueRedisPrefix(label);
  const config = service.config(
    testServiceEnv(issuer, redisPrefix, {
      REDIS_URL: TEST_REDIS_URL,
      DATABASE_URL: database.url,
      ...overrides,
    }),
  );
  await service.migrate(config);
  const app = await service.build(config, appDatabaseUrl(database.url));
  await app.app.ready();
  return {
    app: app.app,
    service: app,
    issuer,
    database,
    authorization: async (subject = service.subject, scopes = service.scopes, tenant = TEST_TENANT) => ({
      authorization: `Bearer ${await issuer.token({ subject, scopes, tenant: tenant ?? undefined })}`,
    }),
    close: async () => {
      await app.app.close();
      await Promise.all([issuer.close(), database.drop(), deleteRedisPrefix(redisPrefix)]);
    },
  };
}
