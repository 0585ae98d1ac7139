import {
  asAppRole,
  createTestPostgresDatabase,
  type ServiceHarness,
  startServiceHarness,
  TEST_AUDIENCE,
  type TestPostgresDatabase,
} from '../../test-support/index.js';
import { SCOPES } from '../api/v1/routes.js';
import { buildPromptCrm } from '../app.js';
import { loadPromptCrmConfig } from '../config.js';
import { migratePromptCrm } from '../migrate.js';

export const AUDIENCE = TEST_AUDIENCE;
export const PREFIX = '/api/promptcrm/v1';

export type CrmHarness = ServiceHarness & { database: TestPostgresDatabase };

/**
 * A PromptCrm app on a fresh, migrated database, trusting a local token issuer. Migrations run as
 * the owner; the app connects as a role that owns no table, so row-level security applies as in
 * production.
 */
export async function startCrm(
  label: string,
  overrides: Record<string, string> = {},
  /** Rewrites the database URL the app uses (migrations always go direct), e.g. through a TCP proxy. */
  appDatabaseUrl: (url: string) => string = (url) => url,
): Promise<CrmHarness> {
  let database: TestPostgresDatabase | undefined;
  const harness = await startServiceHarness(
    label,
    {
      database: async (name) => {
        database = await createTestPostgresDatabase(name);
        return database;
      },
      config: loadPromptCrmConfig,
      migrate: (config) => migratePromptCrm(config.databaseUrl),
      build: (config, url) => buildPromptCrm({ ...config, databaseUrl: asAppRole(url, database!) }),
      subject: 'user-1',
      scopes: [SCOPES.read, SCOPES.write],
    },
    overrides,
    appDatabaseUrl,
  );
  return { ...harness, database: database! };
}
