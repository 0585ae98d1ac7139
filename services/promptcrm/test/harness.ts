import {
  createTestPostgresDatabase,
  type ServiceHarness,
  startServiceHarness,
  TEST_AUDIENCE,
} from '../../test-support/index.js';
import { SCOPES } from '../api/v1/routes.js';
import { buildPromptCrm } from '../app.js';
import { loadPromptCrmConfig } from '../config.js';
import { migratePromptCrm } from '../migrate.js';

export const AUDIENCE = TEST_AUDIENCE;
export const PREFIX = '/api/promptcrm/v1';

export type CrmHarness = ServiceHarness;

/** A PromptCrm app on a fresh, migrated database, trusting a local token issuer. */
export function startCrm(
  label: string,
  overrides: Record<string, string> = {},
  /** Rewrites the database URL the app uses (migrations always go direct), e.g. through a TCP proxy. */
  appDatabaseUrl: (url: string) => string = (url) => url,
): Promise<CrmHarness> {
  return startServiceHarness(
    label,
    {
      database: createTestPostgresDatabase,
      config: loadPromptCrmConfig,
      migrate: (config) => migratePromptCrm(config.databaseUrl),
      build: (config, databaseUrl) => buildPromptCrm({ ...config, databaseUrl }),
      subject: 'user-1',
      scopes: [SCOPES.read, SCOPES.write],
    },
    overrides,
    appDatabaseUrl,
  );
}
