import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import pg from 'pg';

export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const MYSQL_ADMIN_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export interface TestPostgresDatabase extends TestDatabase {
  /**
   * The database as a service reaches it in production: a role that is neither superuser nor
   * table owner, with read/write rights on the tables migrations create, so row-level security applies.
   */
  appUrl: string;
}

/** A name unique to this test file run: vitest runs files in parallel, each needs its own database. */
export function uniqueName(label: string): string {
  const safe = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  return `test_${safe}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onPostgres(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createTestPostgresDatabase(label: string): Promise<TestPostgresDatabase> {
  const name = uniqueName(label);
  const role = `${name}_app`;
  await onPostgres(POSTGRES_ADMIN_URL, [
    `CREATE DATABASE "${name}"`,
    `CREATE ROLE "${role}" LOGIN NOSUPERUSER NOBYPASSRLS`,
  ]);
  const url = withDatabase(POSTGRES_ADMIN_URL, name);
  await onPostgres(url, [
    `GRANT USAGE ON SCHEMA public TO "${role}"`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${role}"`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${role}"`,
  ]);
  const appUrl = new URL(url);
  appUrl.username = role;
  return {
    name,
    url,
    appUrl: appUrl.toString(),
    drop: () =>
      onPostgres(POSTGRES_ADMIN_URL, [
        `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
        `DROP ROLE IF EXISTS "${role}"`,
      ]),
  };
}

export async function createTestMysqlDatabase(label: string): Promise<TestDatabase> {
  const name = uniqueName(label);
  const admin = await createConnection({ uri: MYSQL_ADMIN_URL });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(MYSQL_ADMIN_URL, name),
    drop: async () => {
      const connection = await createConnection({ uri: MYSQL_ADMIN_URL });
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    },
  };
}

/** `url` (perhaps rewritten to go through a proxy) with the database's application role as its user. */
export function asAppRole(url: string, database: TestPostgresDatabase): string {
  const withRole = new URL(url);
  withRole.username = new URL(database.appUrl).username;
  return withRole.toString();
}
