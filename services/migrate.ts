/**
 * `npm run migrate`: creates every service's database if missing and applies pending migrations
 * (idempotent; each database has a schema_migrations table and a migration lock).
 *
 * Database URLs come from `<SERVICE>_DATABASE_URL` (e.g. PROMPTADS_DATABASE_URL), defaulting to
 * the local servers: PostgreSQL and MariaDB on 127.0.0.1.
 */
import { loadBusinessDatabaseUrl } from './business/config.js';
import { migrateBusiness } from './business/migrate.js';
import { ConfigError, type Env, isMainModule } from './kit/index.js';
import { loadPromptAdsDatabaseUrl } from './promptads/config.js';
import { migratePromptAds } from './promptads/migrate.js';
import { migratePromptContentFromEnv } from './promptcontent/migrate.js';
import { loadPromptCrmDatabaseUrl } from './promptcrm/config.js';
import { migratePromptCrm } from './promptcrm/migrate.js';

export interface ServiceMigration {
  service: string;
  /** Runs the service's migrations with its own (unprefixed) environment; returns a one-line summary. */
  migrate(env: Env): Promise<string>;
}

const summary = (result: { applied: number[]; alreadyApplied: number[] }) =>
  `applied ${JSON.stringify(result.applied)}, already applied ${JSON.stringify(result.alreadyApplied)}`;

export const SERVICE_MIGRATIONS: ServiceMigration[] = [
  {
    service: 'promptcontent',
    migrate: async (env) => {
      await migratePromptContentFromEnv(env);
      return `store ${env.CONTENT_STORE ?? 'postgres'} is migrated`;
    },
  },
  {
    service: 'promptads',
    migrate: async (env) => summary(await migratePromptAds(loadPromptAdsDatabaseUrl(env))),
  },
  {
    service: 'promptcrm',
    migrate: async (env) => summary(await migratePromptCrm(loadPromptCrmDatabaseUrl(env))),
  },
  {
    service: 'business',
    migrate: async (env) => summary(await migrateBusiness(loadBusinessDatabaseUrl(env))),
  },
];

/**
 * One service's view of the environment: `<SERVICE>_X` becomes `X`, and service-specific names
 * (PORT, HOST, DATABASE_URL…) are never inherited unprefixed, so one variable cannot configure
 * four services at once.
 */
export function serviceEnv(service: string, env: Env, perServiceNames: readonly string[]): Env {
  const prefix = `${service.toUpperCase()}_`;
  const result: Env = {};
  for (const [name, value] of Object.entries(env)) {
    if (!perServiceNames.includes(name)) result[name] = value;
  }
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(prefix)) result[name.slice(prefix.length)] = value;
  }
  return result;
}

export const PER_SERVICE_NAMES = [
  'HOST',
  'PORT',
  'DATABASE_URL',
  'DATABASE_POOL_MAX',
  'REDIS_KEY_PREFIX',
  'OIDC_REQUIRED_SCOPES',
] as const;

/** Migrates every service in turn; stops at the first failure. */
export async function migrateAll(
  env: Env = process.env,
  log: (line: string) => void = console.log,
): Promise<void> {
  for (const { service, migrate } of SERVICE_MIGRATIONS) {
    try {
      log(`${service}: ${await migrate(serviceEnv(service, env, PER_SERVICE_NAMES))}`);
    } catch (error) {
      throw new Error(`${service}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
}

if (isMainModule(import.meta.url)) {
  await migrateAll().catch((error: unknown) => {
    const configError = error instanceof Error && error.cause instanceof ConfigError;
    process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(configError ? 2 : 1);
  });
}
