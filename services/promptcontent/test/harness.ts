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
import { buildPromptContent } from '../app.js';
import { loadPromptContentConfig, type PromptContentConfig } from '../config.js';
import { migratePromptContent } from '../migrate.js';

export const AUDIENCE = 'api://promptsales';
export const PREFIX = '/api/promptcontent/v1';

export interface ContentHarness {
  app: FastifyInstance;
  service: ServiceApp;
  issuer: LocalIssuer;
  database: TestDatabase;
  /** A bearer header for `subject`, with read and write scopes unless told otherwise. */
  authorization(subject?: string, scopes?: string[]): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

/** Environment for a PromptContent app that trusts `issuer` and keeps its Redis keys under `redisPrefix`. */
export function contentEnv(issuer: LocalIssuer, redisPrefix: string, overrides: Record<string, string> = {}) {
  return {
    LOG_LEVEL: 'silent',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    OIDC_ISSUER: issuer.issuer,
    OIDC_AUDIENCE: AUDIENCE,
    OIDC_JWKS_URL: issuer.jwksUrl,
    ...overrides,
  };
}

/** A PromptContent app on the PostgreSQL JSONB store, in a fresh migrated database. */
export async function startContent(
  label: string,
  /** Rewrites the database URL the app uses (migrations always go direct), e.g. through a TCP proxy. */
  appDatabaseUrl: (url: string) => string = (url) => url,
): Promise<ContentHarness> {
  const [issuer, database] = await Promise.all([
    startLocalIssuer({ defaultAudience: AUDIENCE }),
    createTestPostgresDatabase(label),
  ]);
  const redisPrefix = uniqueRedisPrefix(label);
  const config = loadPromptContentConfig(contentEnv(issuer, redisPrefix, { DATABASE_URL: database.url }));
  await migratePromptContent(config.store);
  const appConfig: PromptContentConfig =
    config.store.kind === 'postgres'
      ? { ...config, store: { ...config.store, url: appDatabaseUrl(database.url) } }
      : config;
  const service = await buildPromptContent(appConfig);
  await service.app.ready();
  return {
    app: service.app,
    service,
    issuer,
    database,
    authorization: async (subject = 'editor-1', scopes = [SCOPES.read, SCOPES.write]) => ({
      authorization: `Bearer ${await issuer.token({ subject, scopes })}`,
    }),
    close: async () => {
      await service.app.close();
      await Promise.all([issuer.close(), database.drop(), deleteRedisPrefix(redisPrefix)]);
    },
  };
}
