import { DEFAULT_TENANT, TENANT_ID_PATTERN } from '../kit/index.js';

/**
 * Adds a NOT NULL `tenant_id` in the one tenant-id format; rows that exist already move under the
 * default tenant. Migration text: once applied it must not change (its checksum is recorded).
 */
export function addTenantColumnStatements(table: string): string[] {
  return [
    `ALTER TABLE ${table} ADD COLUMN tenant_id text NOT NULL DEFAULT '${DEFAULT_TENANT}'
       CONSTRAINT ${table}_tenant_id_format CHECK (tenant_id ~ '${TENANT_ID_PATTERN}')`,
    `ALTER TABLE ${table} ALTER COLUMN tenant_id DROP DEFAULT`,
  ];
}
