import {
  ensureMysqlDatabase,
  grantMysqlServiceRole,
  type MigrationResult,
  migrateMysql,
  type ServiceRole,
} from '../kit/index.js';
import { businessMigrations } from './infrastructure/migrations.js';

/**
 * Creates the Business database if missing and applies pending migrations; with a role, grants it
 * data access to the tables (`business_app` on Aurora).
 */
export async function migrateBusiness(databaseUrl: string, role?: ServiceRole): Promise<MigrationResult> {
  await ensureMysqlDatabase(databaseUrl);
  const result = await migrateMysql(databaseUrl, businessMigrations);
  if (role) await grantMysqlServiceRole(databaseUrl, role);
  return result;
}
