import { ensurePostgresDatabase, type MigrationResult, migratePostgres } from '../kit/index.js';
import { promptAdsMigrations } from './infrastructure/migrations.js';

/** Creates the PromptAds database if missing and applies pending migrations. */
export async function migratePromptAds(databaseUrl: string): Promise<MigrationResult> {
  await ensurePostgresDatabase(databaseUrl);
  return migratePostgres(databaseUrl, promptAdsMigrations);
}
