import {
  asAppRole,
  createTestPostgresDatabase,
  type LocalIssuer,
  type ServiceHarness,
  startServiceHarness,
  TEST_AUDIENCE,
  TEST_REDIS_URL,
  type TestPostgresDatabase,
  testServiceEnv,
} from '../../test-support/index.js';
import { SCOPES } from '../api/v1/routes.js';
import { buildPromptContent } from '../app.js';
import { loadPromptContentConfig } from '../config.js';
import { migratePromptContent } from '../migrate.js';

export const AUDIENCE = TEST_AUDIENCE;
export const PREFIX = '/api/promptcontent/v1';

export type ContentHarness = ServiceHarness & { database: TestPostgresDatabase };

/** Environment for a PromptContent app that trusts `issuer` and keeps its Redis keys under `redisPrefix`. */
export function contentEnv(issuer: LocalIssuer, redisPrefix: string, overrides: Record<string, string> = {}) {
  return testServiceEnv(issuer, redisPrefix, { REDIS_URL: TEST_REDIS_URL, ...overrides });
}

/**
 * A PromptContent app on the PostgreSQL JSONB store, in a fresh migrated database, connecting as a
 * role that owns no table (so row-level security applies as in production). `authorization()`
 * carries the read, write and approve scopes.
 */
export async function startContent(
  label: string,
  /** Rewrites the database URL the app uses (migrations always go direct), e.g. through a TCP proxy. */
  appDatabaseUrl: (url: string) => string = (url) => url,
): Promise<ContentHarness> {
  let database: TestPostgresDatabase | undefined;
  const harness = await startServiceHarness(
    label,
    {
      database: async (name) => {
        database = await createTestPostgresDatabase(name);
        return database;
      },
      config: loadPromptContentConfig,
      migrate: (config) => migratePromptContent(config.store),
      build: (config, url) =>
        buildPromptContent(
          config.store.kind === 'postgres'
            ? { ...config, store: { ...config.store, url: asAppRole(url, database!) } }
            : config,
        ),
      subject: 'editor-1',
      scopes: [SCOPES.read, SCOPES.write, SCOPES.approve],
    },
    {},
    appDatabaseUrl,
  );
  return { ...harness, database: database! };
}
