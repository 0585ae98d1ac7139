import {
  ensurePostgresDatabase,
  grantPostgresServiceRole,
  type MigrationResult,
  migratePostgres,
  type ServiceRole,
} from '../kit/index.js';
import { crmMigrations } from './infrastructure/migrations/index.js';

/**
 * Creates PromptCrm's database if missing and applies pending migrations (idempotent); with a
 * role, grants it data access to the tables (`promptcrm_app` on Aurora).
 */
export async function migratePromptCrm(databaseUrl: string, role?: ServiceRole): Promise<MigrationResult> {
  await ensurePostgresDatabase(databaseUrl);
  const result = await migratePostgres(databaseUrl, crmMigrations);
  if (role) await grantPostgresServiceRole(databaseUrl, role);
  return result;
}
