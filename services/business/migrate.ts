import { ensureMysqlDatabase, type MigrationResult, migrateMysql } from '../kit/index.js';
import { businessMigrations } from './infrastructure/migrations.js';

/** Creates the Business database if missing and applies pending migrations. */
export async function migrateBusiness(databaseUrl: string): Promise<MigrationResult> {
  await ensureMysqlDatabase(databaseUrl);
  return migrateMysql(databaseUrl, businessMigrations);
}
