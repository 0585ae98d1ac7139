import type pg from 'pg';
import { inPgTransaction } from '../kit/index.js';

/**
 * SQL for tenancy in the PostgreSQL services. These texts are part of migrations (whose checksums
 * are recorded), so they must never change; a new rule is a new function and a new migration.
 */

/** Adds a NOT NULL `tenant_id` in the one tenant-id format; rows that exist already get `default`. */
export function addTenantColumn(table: string): string {
  return `ALTER TABLE ${table} ADD COLUMN tenant_id text NOT NULL DEFAULT 'default'
  CONSTRAINT ${table}_tenant_id_format CHECK (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$');
ALTER TABLE ${table} ALTER COLUMN tenant_id DROP DEFAULT;`;
}

/**
 * Row-level security as the second line behind the repositories' own tenant filter: a row is seen
 * and written only under the tenant the transaction set in `app.tenant_id`; with none set, no row.
 * FORCE applies it to the table owner too (superusers and BYPASSRLS roles still bypass it, so the
 * services must not connect as one).
 */
export function rowLevelSecurity(table: string): string {
  const tenantMatches = `tenant_id = current_setting('app.tenant_id', true)`;
  return `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
CREATE POLICY ${table}_tenant_isolation ON ${table} USING (${tenantMatches}) WITH CHECK (${tenantMatches});`;
}

/** Runs `work` in a transaction whose `app.tenant_id` is `tenantId` (reset at commit or rollback). */
export function inTenantTransaction<T>(
  pool: pg.Pool,
  tenantId: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return inPgTransaction(pool, async (client) => {
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return work(client);
  });
}
