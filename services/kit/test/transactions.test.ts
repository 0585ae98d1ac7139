import { createPool as createMysqlPool, type Pool as MysqlPool } from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestMysqlDatabase,
  createTestPostgresDatabase,
  POSTGRES_ADMIN_URL,
  type TestDatabase,
} from '../../test-support/index.js';
import { DependencyUnavailableError } from '../problem.js';
import {
  inMysqlTransaction,
  inPgTransaction,
  readInTenantPg,
  TRANSACTION_ATTEMPTS,
} from '../transactions.js';

const conflict = (code: string) => Object.assign(new Error(`conflict ${code}`), { code });

describe('inPgTransaction', () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestPostgresDatabase('kit transactions');
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pool.on('error', () => undefined);
    await pool.query('CREATE TABLE notes (id serial PRIMARY KEY, text text NOT NULL)');
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('survives its backend being terminated while the client is checked out, and the pool recovers', async () => {
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    const attempt = inPgTransaction(pool, async (client) => {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      // The backend is gone between two queries: the client emits 'error' with no query running.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await client.query('INSERT INTO notes (text) VALUES ($1)', ['lost']);
    });
    await expect(attempt).rejects.toThrow();
    await admin.end();
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM notes');
    expect(rows[0].n).toBe(0);
    await inPgTransaction(pool, (client) => client.query('INSERT INTO notes (text) VALUES ($1)', ['kept']));
    expect((await pool.query('SELECT text FROM notes')).rows).toEqual([{ text: 'kept' }]);
  });

  it('runs a transaction that lost a deadlock again, committing once', async () => {
    let runs = 0;
    await inPgTransaction(pool, async (client) => {
      runs++;
      await client.query('INSERT INTO notes (text) VALUES ($1)', [`run ${runs}`]);
      if (runs === 1) throw conflict('40P01');
    });
    expect(runs).toBe(2);
    const { rows } = await pool.query("SELECT text FROM notes WHERE text LIKE 'run %'");
    expect(rows).toEqual([{ text: 'run 2' }]);
  });

  it('answers 503 with retry-after when the conflicts go on', async () => {
    let runs = 0;
    const attempt = inPgTransaction(pool, async () => {
      runs++;
      throw conflict('40001');
    });
    await expect(attempt).rejects.toBeInstanceOf(DependencyUnavailableError);
    await expect(attempt).rejects.toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
    expect(runs).toBe(TRANSACTION_ATTEMPTS);
  });

  it('does not retry other errors', async () => {
    let runs = 0;
    const attempt = inPgTransaction(pool, async () => {
      runs++;
      throw conflict('23505');
    });
    await expect(attempt).rejects.toMatchObject({ code: '23505' });
    expect(runs).toBe(1);
  });
});

describe('readInTenantPg on a pipelining connection', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  const tenantSetting = "SELECT current_setting('app.tenant_id', true) AS tenant";

  beforeAll(async () => {
    database = await createTestPostgresDatabase('kit tenant read');
    // One connection, so every read below reuses the one the previous read left behind.
    pool = new pg.Pool({ connectionString: database.url, max: 1, pipeline: true });
    pool.on('error', () => undefined);
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('reads inside a transaction bound to the tenant, and leaves nothing set on the connection', async () => {
    const first = await readInTenantPg<{ tenant: string }>(pool, 'tenant-a', { text: tenantSetting });
    expect(first.rows[0]!.tenant).toBe('tenant-a');
    const second = await readInTenantPg<{ tenant: string }>(pool, 'tenant-b', { text: tenantSetting });
    expect(second.rows[0]!.tenant).toBe('tenant-b');
    const after = await pool.query<{ tenant: string | null }>(
      "SELECT current_setting('app.tenant_id', true) AS tenant",
    );
    // Outside the read no tenant is set (empty once a transaction has set and reset it).
    expect(after.rows[0]!.tenant ?? '').toBe('');
  });

  it('rejects with the query’s error and closes its transaction, so the connection serves the next read', async () => {
    await expect(readInTenantPg(pool, 'tenant-a', { text: 'SELECT 1 / 0' })).rejects.toMatchObject({
      code: '22012',
    });
    const client = await pool.connect();
    try {
      expect(client.getTransactionStatus()).toBe('I');
    } finally {
      client.release();
    }
    const next = await readInTenantPg<{ tenant: string }>(pool, 'tenant-c', { text: tenantSetting });
    expect(next.rows[0]!.tenant).toBe('tenant-c');
  });
});

describe('inMysqlTransaction', () => {
  let database: TestDatabase;
  let pool: MysqlPool;

  beforeAll(async () => {
    database = await createTestMysqlDatabase('kit transactions');
    pool = createMysqlPool({ uri: database.url, connectionLimit: 2 });
    await pool.query('CREATE TABLE notes (id int AUTO_INCREMENT PRIMARY KEY, text varchar(50) NOT NULL)');
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('runs a deadlock victim again and commits once', async () => {
    let runs = 0;
    const committed = await inMysqlTransaction(pool, async (connection) => {
      runs++;
      await connection.query('INSERT INTO notes (text) VALUES (?)', [`run ${runs}`]);
      if (runs === 1) throw conflict('ER_LOCK_DEADLOCK');
    });
    expect([committed, runs]).toEqual([true, 2]);
    const [rows] = await pool.query('SELECT text FROM notes');
    expect(rows).toEqual([{ text: 'run 2' }]);
  });

  it('rolls back and returns false when the work finds nothing to change', async () => {
    const committed = await inMysqlTransaction(pool, async (connection) => {
      await connection.query('INSERT INTO notes (text) VALUES (?)', ['rolled back']);
      return false;
    });
    expect(committed).toBe(false);
    const [rows] = await pool.query("SELECT text FROM notes WHERE text = 'rolled back'");
    expect(rows).toEqual([]);
  });

  it('answers 503 after repeated deadlocks', async () => {
    const attempt = inMysqlTransaction(pool, async () => {
      throw conflict('ER_LOCK_DEADLOCK');
    });
    await expect(attempt).rejects.toMatchObject({ status: 503 });
  });
});
