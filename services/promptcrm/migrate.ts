import { ensurePostgresDatabase, type MigrationResult, migratePostgres } from '../kit/index.js';
import { crmMigrations } from './infrastructure/migrations/index.js';

/** Creates PromptCrm's database if missing and applies pending migrations (idempotent). */
export async function migratePromptCrm(databaseUrl: string): Promise<MigrationResult> {
  await ensurePostgresDatabase(databaseUrl);
  return migratePostgres(databaseUrl, crmMigrations);
}
