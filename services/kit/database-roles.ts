import { createConnection } from 'mysql2/promise';
import pg from 'pg';

/** How a service's own database user signs in on Aurora. */
export type DatabaseAuth = 'iam' | 'password';

export interface ServiceRole {
  /** `promptads_app`: the user the service connects as. */
  name: string;
  /** `iam`: RDS IAM database authentication (Aurora); `password`: a local server (tests, development). */
  auth: DatabaseAuth;
  /** With `password` auth: the user's password. */
  password?: string;
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const MIGRATIONS_TABLE = 'schema_migrations';
const DML = 'SELECT, INSERT, UPDATE, DELETE';

function checkedName(role: ServiceRole): string {
  if (!ROLE_NAME.test(role.name)) throw new Error(`database role "${role.name}" must match ${ROLE_NAME}`);
  return role.name;
}

const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Creates the service's PostgreSQL role if missing and grants it data access only, on every table
 * and sequence of the database's public schema except the migrations ledger. Run by the migration
 * job as the owner after the migrations: the role never owns a table, so it cannot ALTER or DROP one,
 * and row-level security applies to it. Idempotent (every grant may run again).
 */
export async function grantPostgresServiceRole(connectionString: string, role: ServiceRole): Promise<void> {
  const name = checkedName(role);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ database: string }>('SELECT current_database() AS database');
    const database = rows[0]!.database;
    const login =
      role.auth === 'password' && role.password ? `LOGIN PASSWORD ${quoteLiteral(role.password)}` : 'LOGIN';
    // Roles are cluster-wide: two migration jobs may race to create the same one.
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${quoteLiteral(name)}) THEN
        CREATE ROLE "${name}" ${login};
      END IF;
    EXCEPTION WHEN duplicate_object THEN NULL;
    END $$`);
    if (role.auth === 'iam') {
      // rds_iam exists on Aurora PostgreSQL: its members sign in with IAM tokens only.
      await client.query(`GRANT rds_iam TO "${name}"`);
    }
    await client.query(`GRANT CONNECT ON DATABASE "${database}" TO "${name}"`);
    // Before PostgreSQL 15 everyone may create tables in public; the service may not.
    await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await client.query(`GRANT USAGE ON SCHEMA public TO "${name}"`);
    await client.query(`GRANT ${DML} ON ALL TABLES IN SCHEMA public TO "${name}"`);
    await client.query(`REVOKE ${DML} ON ${MIGRATIONS_TABLE} FROM "${name}"`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * The MySQL counterpart: the user `name`@`%`, authenticated by the RDS IAM plugin on Aurora, with
 * data access on each table of the database but the migrations ledger. Idempotent.
 */
export async function grantMysqlServiceRole(uri: string, role: ServiceRole): Promise<void> {
  const name = checkedName(role);
  const connection = await createConnection({ uri });
  try {
    const [[row]] = (await connection.query('SELECT DATABASE() AS name')) as unknown as [{ name: string }[]];
    const database = row!.name;
    const identified =
      role.auth === 'iam'
        ? "IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS'"
        : `IDENTIFIED BY ${connection.escape(role.password ?? '')}`;
    await connection.query(`CREATE USER IF NOT EXISTS '${name}'@'%' ${identified}`);
    if (role.auth === 'iam') await connection.query(`ALTER USER '${name}'@'%' REQUIRE SSL`);
    const [tables] = (await connection.query(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_name <> ?',
      [database, MIGRATIONS_TABLE],
    )) as unknown as [{ name: string }[]];
    for (const table of tables) {
      await connection.query(`GRANT ${DML} ON \`${database}\`.\`${table.name}\` TO '${name}'@'%'`);
    }
  } finally {
    await connection.end();
  }
}
