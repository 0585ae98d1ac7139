import type { FastifyInstance } from 'fastify';
import pg from 'pg';

export interface TableSecurity {
  table: string;
  /** The table has a NOT NULL `tenant_id`. */
  tenant: boolean;
  rls: boolean;
  forced: boolean;
}

/** How every table of a database (but the migration log) stands on tenancy and row-level security. */
export async function tableSecurity(databaseUrl: string): Promise<TableSecurity[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<TableSecurity>(
      `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnotnull) AS tenant
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'schema_migrations'
        ORDER BY c.relname`,
    );
    return rows.map(({ table, tenant, rls, forced }) => ({ table, tenant, rls, forced }));
  } finally {
    await client.end();
  }
}

/** GET and POST under an API prefix with one caller's headers: for tests that act as several tenants. */
export function callerOf(app: FastifyInstance, prefix: string, headers: Record<string, string>) {
  return {
    get: (path: string) => app.inject({ method: 'GET', url: `${prefix}${path}`, headers }),
    post: (path: string, payload: object, extra: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: `${prefix}${path}`, headers: { ...headers, ...extra }, payload }),
  };
}
