import {
  type AppRole,
  createAppRole,
  createTestPostgresDatabase,
  type LocalIssuer,
  type ServiceHarness,
  startServiceHarness,
  TEST_AUDIENCE,
  TEST_REDIS_URL,
  testServiceEnv,
} from '../../test-support/index.js';
import { withTenant } from '../../test-support/tenants.js';
import { SCOPES } from '../api/v1/routes.js';
import { buildPromptContent } from '../app.js';
import { loadPromptContentConfig } from '../config.js';
import { migratePromptContent } from '../migrate.js';

export const AUDIENCE = TEST_AUDIENCE;
export const PREFIX = '/api/promptcontent/v1';

export type ContentHarness = ServiceHarness & {
  /** A bearer header for a token acting for `tenant`. */
  tenantAuthorization(
    tenant: string,
    subject?: string,
    scopes?: string[],
  ): Promise<{ authorization: string }>;
  /** The database as the app connects to it: a role that owns no table. */
  appRoleUrl: string;
};

/** Environment for a PromptContent app that trusts `issuer` and keeps its Redis keys under `redisPrefix`. */
export function contentEnv(issuer: LocalIssuer, redisPrefix: string, overrides: Record<string, string> = {}) {
  return testServiceEnv(issuer, redisPrefix, { REDIS_URL: TEST_REDIS_URL, ...overrides });
}

/**
 * A PromptContent app on the PostgreSQL JSONB store, in a fresh migrated database, connecting as a
 * role that owns no table (so row-level security applies as in production). `authorization()` acts
 * for tenant `acme` with the read, write and approve scopes.
 */
export async function startContent(
  label: string,
  /** Rewrites the database URL the app uses (migrations always go direct), e.g. through a TCP proxy. */
  appDatabaseUrl: (url: string) => string = (url) => url,
): Promise<ContentHarness> {
  let role: AppRole | undefined;
  const scopes = [SCOPES.read, SCOPES.write, SCOPES.approve];
  const harness = await startServiceHarness(
    label,
    {
      database: createTestPostgresDatabase,
      config: loadPromptContentConfig,
      migrate: async (config) => {
        await migratePromptContent(config.store);
        if (config.store.kind === 'postgres') role = await createAppRole(config.store.url);
      },
      build: (config, url) =>
        buildPromptContent(
          config.store.kind === 'postgres'
            ? { ...config, store: { ...config.store, url: role!.as(url) } }
            : config,
        ),
      subject: 'editor-1',
      scopes,
    },
    {},
    appDatabaseUrl,
  );
  const appRole = role!;
  return {
    ...withTenant(harness, 'editor-1', scopes, () => appRole.drop()),
    appRoleUrl: appRole.as(harness.database.url),
  };
}
