import { createHash } from 'node:crypto';
import { type Connection, createConnection } from 'mysql2/promise';
import pg from 'pg';

/** One versioned schema change. Never edit an applied migration: add a new version instead. */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export interface MigrationResult {
  database: string;
  applied: number[];
  alreadyApplied: number[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const checksum = (migration: Migration) =>
  createHash('sha256').update(migration.statements.join('\n;\n')).digest('hex');

function databaseName(url: URL): string {
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!IDENTIFIER.test(name)) throw new Error(`database name "${name}" must match ${IDENTIFIER}`);
  return name;
}

function ordered(migrations: Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((migration, index) => {
    if (index > 0 && sorted[index - 1]!.version === migration.version) {
      throw new Error(`two migrations share version ${migration.version}`);
    }
  });
  return sorted;
}

function verifyUnchanged(migration: Migration, recorded: string | undefined): boolean {
  if (recorded === undefined) return false;
  if (recorded !== checksum(migration)) {
    throw new Error(`migration ${migration.version} (${migration.name}) changed after it was applied`);
  }
  return true;
}

/** Creates the PostgreSQL database named in the URL if it does not exist yet. */
export async function ensurePostgresDatabase(connectionString: string): Promise<void> {
  const url = new URL(connectionString);
  const name = databaseName(url);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } catch (error) {
        // Another process created it between the check and the create.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

/** Applies pending migrations in order, each in its own transaction, under an advisory lock. */
export async function migratePostgres(
  connectionString: string,
  migrations: Migration[],
): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const result: MigrationResult = {
    database: databaseName(new URL(connectionString)),
    applied: [],
    alreadyApplied: [],
  };
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('schema_migrations'))`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const recorded = new Map(rows.map((row) => [row.version, row.checksum]));
    for (const migration of ordered(migrations)) {
      if (verifyUnchanged(migration, recorded.get(migration.version))) {
        result.alreadyApplied.push(migration.version);
        continue;
      }
      await client.query('BEGIN');
      try {
        for (const statement of migration.statements) await client.query(statement);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          checksum(migration),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(
          `migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
      result.applied.push(migration.version);
    }
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext('schema_migrations'))`).catch(() => undefined);
    await client.end();
  }
  return result;
}

/** Creates the MySQL/MariaDB database named in the URL if it does not exist yet. */
export async function ensureMysqlDatabase(uri: string): Promise<void> {
  const url = new URL(uri);
  const name = databaseName(url);
  url.pathname = '/';
  const connection = await createConnection({ uri: url.toString() });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

/**
 * Applies pending migrations in order under a named lock. MySQL commits DDL implicitly, so keep
 * each migration's statements few and re-runnable (`IF NOT EXISTS`).
 */
export async function migrateMysql(uri: string, migrations: Migration[]): Promise<MigrationResult> {
  const connection: Connection = await createConnection({ uri });
  const result: MigrationResult = { database: databaseName(new URL(uri)), applied: [], alreadyApplied: [] };
  try {
    const [lock] = await connection.query<Array<{ locked: number | null } & import('mysql2').RowDataPacket>>(
      `SELECT GET_LOCK('schema_migrations', 60) AS locked`,
    );
    if (lock[0]?.locked !== 1) throw new Error('could not take the schema_migrations lock within 60 s');
    await connection.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INT PRIMARY KEY,
      name VARCHAR(200) NOT NULL,
      checksum CHAR(64) NOT NULL,
      applied_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))`);
    const [rows] = await connection.query<
      Array<{ version: number; checksum: string } & import('mysql2').RowDataPacket>
    >('SELECT version, checksum FROM schema_migrations');
    const recorded = new Map(rows.map((row) => [row.version, row.checksum]));
    for (const migration of ordered(migrations)) {
      if (verifyUnchanged(migration, recorded.get(migration.version))) {
        result.alreadyApplied.push(migration.version);
        continue;
      }
      try {
        for (const statement of migration.statements) await connection.query(statement);
      } catch (error) {
        throw new Error(
          `migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
      await connection.execute('INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        checksum(migration),
      ]);
      result.applied.push(migration.version);
    }
  } finally {
    await connection.query(`SELECT RELEASE_LOCK('schema_migrations')`).catch(() => undefined);
    await connection.end();
  }
  return result;
}

/** The statements of a SQL script, one per `;` at a line's end, trimmed, without empty ones. */
export function sqlStatements(script: string): string[] {
  return script
    .split(/;\s*\n/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}
