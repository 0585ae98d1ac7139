import {
  type AppRole,
  createAppRole,
  createTestPostgresDatabase,
  type ServiceHarness,
  startServiceHarness,
  TEST_AUDIENCE,
} from '../../test-support/index.js';
import { withTenant } from '../../test-support/tenants.js';
import { SCOPES } from '../api/v1/routes.js';
import { buildPromptCrm } from '../app.js';
import { loadPromptCrmConfig } from '../config.js';
import { migratePromptCrm } from '../migrate.js';

export const AUDIENCE = TEST_AUDIENCE;
export const PREFIX = '/api/promptcrm/v1';

export type CrmHarness = ServiceHarness & {
  /** The database as the app connects to it: a role that owns no table. */
  appRoleUrl: string;
  /** A bearer header for a token acting for `tenant`. */
  tenantAuthorization(
    tenant: string,
    subject?: string,
    scopes?: string[],
  ): Promise<{ authorization: string }>;
};

/**
 * A PromptCrm app on a fresh, migrated database, trusting a local token issuer. The app connects
 * as a role that owns no table, so row-level security applies as in production; `authorization()`
 * acts for tenant `acme`.
 */
export async function startCrm(
  label: string,
  overrides: Record<string, string> = {},
  /** Rewrites the database URL the app uses (migrations always go direct), e.g. through a TCP proxy. */
  appDatabaseUrl: (url: string) => string = (url) => url,
): Promise<CrmHarness> {
  let role: AppRole | undefined;
  const harness = await startServiceHarness(
    label,
    {
      database: createTestPostgresDatabase,
      config: loadPromptCrmConfig,
      migrate: async (config) => {
        await migratePromptCrm(config.databaseUrl);
        role = await createAppRole(config.databaseUrl);
      },
      build: (config, databaseUrl) => buildPromptCrm({ ...config, databaseUrl: role!.as(databaseUrl) }),
      subject: 'user-1',
      scopes: [SCOPES.read, SCOPES.write],
    },
    overrides,
    appDatabaseUrl,
  );
  const appRole = role!;
  return {
    ...withTenant(harness, 'user-1', [SCOPES.read, SCOPES.write], () => appRole.drop()),
    appRoleUrl: appRole.as(harness.database.url),
  };
}
