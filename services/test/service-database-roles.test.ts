import { createConnection } from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateBusiness } from '../business/migrate.js';
import { migratePromptAds } from '../promptads/migrate.js';
import {
  createTestMysqlDatabase,
  createTestPostgresDatabase,
  MYSQL_ADMIN_URL,
  POSTGRES_ADMIN_URL,
  type TestDatabase,
  uniqueName,
} from '../test-support/databases.js';

// Roles are server-wide, so each run names its own; on Aurora the role is `<service>_app` with IAM auth.
const PASSWORD = 'local-only-password';

describe("PromptAds' migration creates its service role on PostgreSQL", () => {
  let database: TestDatabase;
  const role = uniqueName('promptads_app');
  let asRole: pg.Client;

  beforeAll(async () => {
    database = await createTestPostgresDatabase('promptads-role');
    await migratePromptAds(database.url, { name: role, auth: 'password', password: PASSWORD });
    // Grants must hold when the migration job runs again (every deploy runs it).
    await migratePromptAds(database.url, { name: role, auth: 'password', password: PASSWORD });
    const url = new URL(database.url);
    url.username = role;
    url.password = PASSWORD;
    asRole = new pg.Client({ connectionString: url.toString() });
    await asRole.connect();
  });

  afterAll(async () => {
    await asRole?.end();
    await database?.drop();
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS "${role}"`);
    await admin.end();
  });

  it('may read and write the service tables, one tenant at a time (row-level security applies to it)', async () => {
    await asRole.query('BEGIN');
    await asRole.query("SELECT set_config('app.tenant_id', 'acc-1', true)");
    await asRole.query(
      `INSERT INTO campaigns (tenant_id, id, account_id, name, objective, kpis, channels, formats, budget_amount_cents,
         budget_currency, budget_period, start_date, end_date, status, created_by, created_at, updated_at)
       VALUES ('acc-1', gen_random_uuid(), 'acc-1', 'Launch', 'awareness', '[]', '{web}', '{banner}', 1000, 'USD',
         'monthly', '2026-12-01', '2026-12-31', 'draft', 'user-1', now(), now())`,
    );
    const { rows } = await asRole.query('SELECT name FROM campaigns');
    await asRole.query('COMMIT');
    expect(rows).toEqual([{ name: 'Launch' }]);
    // With no tenant set, the role sees nothing and may write nothing.
    expect((await asRole.query('SELECT name FROM campaigns')).rows).toEqual([]);
    await expect(
      asRole.query(
        `INSERT INTO campaigns (tenant_id, id, account_id, name, objective, kpis, channels, formats, budget_amount_cents,
           budget_currency, budget_period, start_date, end_date, status, created_by, created_at, updated_at)
         VALUES ('acc-1', gen_random_uuid(), 'acc-1', 'Launch', 'awareness', '[]', '{web}', '{banner}', 1000, 'USD',
           'monthly', '2026-12-01', '2026-12-31', 'draft', 'user-1', now(), now())`,
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('owns no table, so it can neither drop nor alter one', async () => {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    const { rows } = await admin.query<{ owner: string }>(
      `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'public'`,
    );
    await admin.end();
    expect(rows.map((row) => row.owner)).not.toContain(role);
    await expect(asRole.query('DROP TABLE campaigns')).rejects.toMatchObject({ code: '42501' });
    await expect(asRole.query('ALTER TABLE campaigns ADD COLUMN note text')).rejects.toMatchObject({
      code: '42501',
    });
    await expect(asRole.query('CREATE TABLE scratch (id int)')).rejects.toMatchObject({ code: '42501' });
  });

  it('may not touch the migrations ledger', async () => {
    await expect(asRole.query('DELETE FROM schema_migrations')).rejects.toMatchObject({ code: '42501' });
  });
});

describe("Business' migration creates its service user on MariaDB", () => {
  let database: TestDatabase;
  // MariaDB user names may hold 80 characters; the role name rule allows 63.
  const user = uniqueName('business_app');
  let asUser: Awaited<ReturnType<typeof createConnection>>;

  beforeAll(async () => {
    database = await createTestMysqlDatabase('business-role');
    await migrateBusiness(database.url, { name: user, auth: 'password', password: PASSWORD });
    await migrateBusiness(database.url, { name: user, auth: 'password', password: PASSWORD });
    const url = new URL(database.url);
    url.username = user;
    url.password = PASSWORD;
    url.hostname = '127.0.0.1';
    asUser = await createConnection({ uri: url.toString() });
  });

  afterAll(async () => {
    await asUser?.end();
    await database?.drop();
    const admin = await createConnection({ uri: MYSQL_ADMIN_URL });
    await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
    await admin.end();
  });

  it('may read and write the service tables', async () => {
    await asUser.query(
      `INSERT INTO plans (id, name, price_cents, currency, billing_period, created_at, updated_at)
       VALUES ('basic', 'Basic', 1000, 'USD', 'monthly', NOW(3), NOW(3))`,
    );
    const [rows] = await asUser.query('SELECT name FROM plans');
    expect(rows).toEqual([{ name: 'Basic' }]);
  });

  it('can neither drop nor alter a table, nor touch the migrations ledger', async () => {
    await expect(asUser.query('DROP TABLE plan_features')).rejects.toMatchObject({
      code: 'ER_TABLEACCESS_DENIED_ERROR',
    });
    await expect(asUser.query('ALTER TABLE plans ADD COLUMN note TEXT')).rejects.toMatchObject({
      code: 'ER_TABLEACCESS_DENIED_ERROR',
    });
    await expect(asUser.query('DELETE FROM schema_migrations')).rejects.toMatchObject({
      code: 'ER_TABLEACCESS_DENIED_ERROR',
    });
  });
});
