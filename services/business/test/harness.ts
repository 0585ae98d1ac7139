import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createConnection } from 'mysql2/promise';
import {
  createTestMysqlDatabase,
  deleteRedisPrefix,
  type LocalIssuer,
  startLocalIssuer,
  startTcpProxy,
  type TcpProxy,
  TEST_AUDIENCE,
  TEST_REDIS_URL,
  TEST_TENANT,
  type TestDatabase,
  testServiceEnv,
  throughProxy,
  uniqueRedisPrefix,
} from '../../test-support/index.js';
import { buildBusiness } from '../app.js';
import { loadBusinessConfig } from '../config.js';
import { RecordingPaymentGateway } from '../infrastructure/recording-payment-gateway.js';
import { migrateBusiness } from '../migrate.js';

export const AUDIENCE = TEST_AUDIENCE;
export const DECLINED_AMOUNT = 666;
/** What a tenant's own user holds; the catalogue and payment changes need `business:admin` / `business:payments`. */
export const DEFAULT_SCOPES = ['business:read', 'business:write', 'business:entitlements'];

export interface BusinessHarness {
  app: FastifyInstance;
  issuer: LocalIssuer;
  database: TestDatabase;
  /** Sits between the service and MariaDB so tests can cut the connection. */
  proxy: TcpProxy;
  /** Sits between the service and Redis. */
  redisProxy: TcpProxy;
  gateway: RecordingPaymentGateway;
  redisPrefix: string;
  /** The environment the app was configured from (a job of the same deployment reads the same). */
  env: Record<string, string>;
  /** A token for `tenant` (TEST_TENANT unless told; `null`: no tenant) with `scopes` (read, write, entitlements). */
  token(scopes?: string[], tenant?: string | null): Promise<string>;
  call(
    options: InjectOptions & { scopes?: string[]; tenant?: string | null },
  ): Promise<LightMyRequestResponse>;
  /** Runs one statement straight on the test database (as its owner) and returns the rows. */
  sql<T>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A Business app on its own MariaDB database and Redis prefix, with a local token issuer. Payments
 * go to a recording gateway unless `env` chooses another (`PAYMENT_GATEWAY=paypal` and a stand-in).
 */
export async function startBusinessHarness(
  label: string,
  env: Record<string, string> = {},
): Promise<BusinessHarness> {
  const issuer = await startLocalIssuer({ defaultAudience: AUDIENCE });
  const database = await createTestMysqlDatabase(label);
  await migrateBusiness(database.url);
  const proxy = await startTcpProxy(Number(new URL(database.url).port || 3306));
  const redisPrefix = uniqueRedisPrefix(label);
  const redisProxy = await startTcpProxy(Number(new URL(TEST_REDIS_URL).port || 6379));
  const gateway = new RecordingPaymentGateway(new Set([DECLINED_AMOUNT]));
  const serviceEnv = testServiceEnv(issuer, redisPrefix, {
    DATABASE_URL: throughProxy(database.url, proxy),
    REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
    PAYMENT_GATEWAY: 'recording',
    BODY_LIMIT_BYTES: '4096',
    ...env,
  });
  const { app } = await buildBusiness(
    loadBusinessConfig(serviceEnv),
    env.PAYMENT_GATEWAY === undefined ? { gateway } : {},
  );
  const token = (scopes = DEFAULT_SCOPES, tenant: string | null = TEST_TENANT) =>
    issuer.token({ scopes, tenant: tenant ?? undefined });
  return {
    app,
    issuer,
    database,
    proxy,
    redisProxy,
    gateway,
    redisPrefix,
    env: serviceEnv,
    token,
    call: async ({ scopes, tenant, headers, ...options }) =>
      app.inject({
        ...options,
        headers: { authorization: `Bearer ${await token(scopes, tenant)}`, ...headers },
      }),
    sql: async <T>(query: string, params: unknown[] = []) => {
      const connection = await createConnection({ uri: database.url });
      try {
        const [rows] = await connection.query(query, params);
        return rows as T[];
      } finally {
        await connection.end();
      }
    },
    close: async () => {
      await app.close();
      await proxy.close();
      await redisProxy.close();
      await database.drop();
      await issuer.close();
      await deleteRedisPrefix(redisPrefix);
    },
  };
}
