import { createConnection } from 'mysql2/promise';
import pg from 'pg';
import {
  MYSQL_ADMIN_URL,
  POSTGRES_ADMIN_URL,
  type TestDatabase,
} from '../../../services/test-support/index.js';
import type { StoredWrite } from './write-load.js';

export type DatabaseKind = 'postgres' | 'mysql';

async function query<T>(kind: DatabaseKind, url: string, sql: string): Promise<T[]> {
  if (kind === 'postgres') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const connection = await createConnection({ uri: url });
  try {
    return (await connection.query(sql))[0] as T[];
  } finally {
    await connection.end();
  }
}

/** The rows `sql` selects as `{ id, marker }`, read straight from the database. */
export function storedRows(kind: DatabaseKind, database: TestDatabase, sql: string): Promise<StoredWrite[]> {
  return query<StoredWrite>(kind, database.url, sql);
}

/**
 * Terminates every session the service holds on its database, from an administrative connection:
 * `pg_terminate_backend` on PostgreSQL, `KILL CONNECTION` on MariaDB. Returns how many were killed.
 */
export async function killDatabaseSessions(kind: DatabaseKind, database: TestDatabase): Promise<number> {
  if (kind === 'postgres') {
    const rows = await query<{ pid: number }>(
      'postgres',
      POSTGRES_ADMIN_URL,
      `SELECT pg_terminate_backend(pid), pid FROM pg_stat_activity
        WHERE datname = '${database.name}' AND pid <> pg_backend_pid()`,
    );
    return rows.length;
  }
  const admin = await createConnection({ uri: MYSQL_ADMIN_URL });
  try {
    const [rows] = await admin.query(
      'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()',
      [database.name],
    );
    let killed = 0;
    for (const { id } of rows as { id: number }[]) {
      // A session may end on its own between the listing and the kill.
      await admin.query(`KILL CONNECTION ${Number(id)}`).then(
        () => killed++,
        () => undefined,
      );
    }
    return killed;
  } finally {
    await admin.end();
  }
}
