import {
  ensurePostgresDatabase,
  grantPostgresServiceRole,
  type MigrationResult,
  migratePostgres,
  type ServiceRole,
} from '../kit/index.js';
import { promptAdsMigrations } from './infrastructure/migrations.js';

/**
 * Creates the PromptAds database if missing and applies pending migrations; with a role, grants
 * it data access to the tables (the role the service connects as on Aurora: `promptads_app`).
 */
export async function migratePromptAds(databaseUrl: string, role?: ServiceRole): Promise<MigrationResult> {
  await ensurePostgresDatabase(databaseUrl);
  const result = await migratePostgres(databaseUrl, promptAdsMigrations);
  if (role) await grantPostgresServiceRole(databaseUrl, role);
  return result;
}
