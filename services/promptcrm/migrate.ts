import { ensurePostgresDatabase, type MigrationResult, migratePostgres } from '../kit/index.js';
import type { PromptCrmConfig } from './config.js';
import { crmMigrations } from './infrastructure/migrations/index.js';

/** Creates PromptCrm's database if needed and applies pending migrations (idempotent). */
export async function migratePromptCrm(
  config: Pick<PromptCrmConfig, 'databaseUrl'>,
): Promise<MigrationResult> {
  await ensurePostgresDatabase(config.databaseUrl);
  return migratePostgres(config.databaseUrl, crmMigrations);
}
