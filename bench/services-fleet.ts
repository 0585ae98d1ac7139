import { randomBytes } from 'node:crypto';
import { SERVICE_MIGRATIONS } from '../services/migrate.js';
import {
  createTestMysqlDatabase,
  createTestPostgresDatabase,
  deleteRedisPrefix,
  type LocalIssuer,
  startLocalIssuer,
  TEST_REDIS_URL,
  type TestDatabase,
  uniqueRedisPrefix,
} from '../services/test-support/index.js';
import { ADS_ACCOUNT, ALL_SCOPES, SERVICES, type ServiceName } from './services-catalog.js';
import { type Launch, type ServiceProcess, startServiceProcess } from './services-process.js';

const AUDIENCE = 'api://promptsales';
/**
 * The kit's ceiling for RATE_LIMIT_MAX and CLIENT_RATE_LIMIT_MAX: load runs, all from one address,
 * measure the service, not the rate limiters' refusals.
 */
const UNLIMITED = String(2 ** 31 - 1);

/**
 * Fresh, migrated databases for some services, a local token issuer, and the services started as
 * child processes against them. `close()` stops every process it started and drops every database.
 */
export interface Fleet {
  issuer: LocalIssuer;
  /** A bearer header for tenant ADS_ACCOUNT with every scope the runs need, valid for the whole run. */
  authorization: { authorization: string };
  databases: Partial<Record<ServiceName, TestDatabase>>;
  /** The environment `name` is started with; `overrides` win. */
  envFor(name: ServiceName, overrides?: Record<string, string>): Record<string, string>;
  start(name: ServiceName, overrides?: Record<string, string>): Promise<ServiceProcess>;
  close(): Promise<void>;
}

/**
 * `launch` says how each service starts (the bench: its bundle on the shipped Node); without it,
 * from source on this process's Node.
 */
export async function createFleet(
  label: string,
  services: readonly ServiceName[],
  launch: (name: ServiceName) => Launch = () => ({}),
): Promise<Fleet> {
  const issuer = await startLocalIssuer({ defaultAudience: AUDIENCE });
  const clientSecret = randomBytes(18).toString('base64url');
  issuer.registerClient('promptads', {
    secret: clientSecret,
    audience: AUDIENCE,
    scopes: ['business:entitlements', 'business:delegate'],
  });
  const token = await issuer.token({
    subject: `${label}-runner`,
    scopes: ALL_SCOPES,
    tenant: ADS_ACCOUNT,
    expiresIn: 3 * 3600,
  });
  const redisPrefix = uniqueRedisPrefix(label);
  const databases: Partial<Record<ServiceName, TestDatabase>> = {};
  const processes: ServiceProcess[] = [];

  const close = async () => {
    await Promise.all(processes.map((process) => process.stop()));
    await Promise.all(Object.values(databases).map((database) => database.drop()));
    await deleteRedisPrefix(redisPrefix);
    await issuer.close();
  };

  try {
    for (const name of services) {
      const database = await (SERVICES[name].database === 'mysql'
        ? createTestMysqlDatabase(`${label}_${name}`)
        : createTestPostgresDatabase(`${label}_${name}`));
      databases[name] = database;
      const migration = SERVICE_MIGRATIONS.find((candidate) => candidate.service === name)!;
      await migration.migrate({ DATABASE_URL: database.url });
    }
  } catch (error) {
    await close();
    throw error;
  }

  const envFor = (name: ServiceName, overrides: Record<string, string> = {}): Record<string, string> => {
    const database = databases[name];
    if (!database) throw new Error(`${name} has no database in this fleet`);
    return {
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: `${redisPrefix}${name}:`,
      RATE_LIMIT_MAX: UNLIMITED,
      CLIENT_RATE_LIMIT_MAX: UNLIMITED,
      OIDC_ISSUER: issuer.issuer,
      OIDC_AUDIENCE: AUDIENCE,
      OIDC_JWKS_URL: issuer.jwksUrl,
      ...(name === 'business' ? { PAYMENT_GATEWAY: 'recording' } : {}),
      ...(name === 'promptads'
        ? { OIDC_TOKEN_URL: issuer.tokenUrl, OIDC_CLIENT_ID: 'promptads', OIDC_CLIENT_SECRET: clientSecret }
        : {}),
      ...overrides,
    };
  };

  return {
    issuer,
    authorization: { authorization: `Bearer ${token}` },
    databases,
    envFor,
    start: async (name, overrides) => {
      const started = await startServiceProcess(name, envFor(name, overrides), launch(name));
      processes.push(started);
      return started;
    },
    close,
  };
}
