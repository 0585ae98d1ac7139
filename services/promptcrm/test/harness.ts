import type { FastifyInstance } from 'fastify';
import type { ServiceApp } from '../../kit/index.js';
import {
  createTestPostgresDatabase,
  deleteRedisPrefix,
  type LocalIssuer,
  startLocalIssuer,
  TEST_REDIS_URL,
  type TestDatabase,
  uniqueRedisPrefix,
} from '../../test-support/index.js';
import { SCOPES } from '../api/v1/routes.js';
import { buildPromptCrm } from '../app.js';
import { loadPromptCrmConfig } from '../config.js';
import { migratePromptCrm } from '../migrate.js';

export const AUDIENCE = 'api://promptsales';
export const PREFIX = '/api/promptcrm/v1';

export interface CrmHarness {
  app: FastifyInstance;
  service: ServiceApp;
  issuer: LocalIssuer;
  database: TestDatabase;
  /** A bearer header for `subject`, with read and write scopes unless told otherwise. */
  authorization(subject?: string, scopes?: string[]): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

/** A PromptCrm app on a fresh, migrated database, trusting a local token issuer. */
export async function startCrm(
  label: string,
  overrides: Record<string, string> = {},
  /** Rewrites the database URL the app uses (migrations always go direct), e.g. through a TCP proxy. */
  appDatabaseUrl: (url: string) => string = (url) => url,
): Promise<CrmHarness> {
  const [issuer, database] = await Promise.all([
    startLocalIssuer({ defaultAudience: AUDIENCE }),
    createTestPostgresDatabase(label),
  ]);
  const redisPrefix = uniqueRedisPrefix(label);
  const config = loadPromptCrmConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    OIDC_ISSUER: issuer.issuer,
    OIDC_AUDIENCE: AUDIENCE,
    OIDC_JWKS_URL: issuer.jwksUrl,
    ...overrides,
  });
  await migratePromptCrm(config.databaseUrl);
  const service = await buildPromptCrm({ ...config, databaseUrl: appDatabaseUrl(database.url) });
  await service.app.ready();
  return {
    app: service.app,
    service,
    issuer,
    database,
    authorization: async (subject = 'user-1', scopes = [SCOPES.read, SCOPES.write]) => ({
      authorization: `Bearer ${await issuer.token({ subject, scopes })}`,
    }),
    close: async () => {
      await service.app.close();
      await Promise.all([issuer.close(), database.drop(), deleteRedisPrefix(redisPrefix)]);
    },
  };
}
