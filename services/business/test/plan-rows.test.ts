import type { Pool, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMysqlPool } from '../../kit/index.js';
import { createTestMysqlDatabase, type TestDatabase } from '../../test-support/index.js';
import { MysqlPlanRepository } from '../infrastructure/mysql-plans.js';
import { isoFromMysqlDatetime } from '../infrastructure/mysql-rows.js';
import { migrateBusiness } from '../migrate.js';

/**
 * Business reads its plans' datetimes as the text MySQL sends: each must be the ISO text mysql2's
 * `Date` (the pool reads datetimes in UTC) and `toISOString` give for the same rows.
 */

/** Every fraction a `DATETIME(0..6)` column writes, the range's edges and a leap day. */
const DATETIMES = [
  '2026-11-29 07:55:42',
  '2026-11-29 07:55:42.1',
  '2026-11-29 07:55:42.123',
  '2026-11-29 07:55:42.123456',
  '2000-02-29 23:59:59.999999',
  '1000-01-01 00:00:00',
  '9999-12-31 23:59:59.999',
  '1970-01-01 00:00:00',
];

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestMysqlDatabase('plan_rows');
  await migrateBusiness(database.url);
  pool = createMysqlPool(database.url, 2);
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

interface AtRow extends RowDataPacket {
  at: string | Date | null;
}

describe('datetimes read as text', () => {
  it('gives every DATETIME precision the ISO text mysql2’s Date would, whatever the session’s time zone', async () => {
    const connection = await pool.getConnection();
    try {
      for (const zone of ['+00:00', '-06:00', '+05:30']) {
        await connection.query('SET time_zone = ?', [zone]);
        for (const precision of [0, 3, 6]) {
          for (const value of DATETIMES) {
            const sql = `SELECT CAST(? AS DATETIME(${precision})) AS at`;
            const [[asText]] = await connection.query<AtRow[]>({ sql, values: [value], dateStrings: true });
            const [[asDate]] = await connection.query<AtRow[]>(sql, [value]);
            expect(
              isoFromMysqlDatetime(asText!.at as string),
              `${value} as DATETIME(${precision}) in ${zone} (sent as ${asText!.at})`,
            ).toBe((asDate!.at as Date).toISOString());
          }
        }
      }
    } finally {
      connection.destroy(); // its session settings stay with it
    }
  });

  it('fails on a zero month or day as the Date path does (mysql2 reads them as an invalid Date)', async () => {
    const connection = await pool.getConnection();
    try {
      await connection.query("SET SESSION sql_mode = ''");
      for (const value of ['0000-00-00 00:00:00', '2026-00-15 00:00:00', '2026-11-00 07:55:42.123']) {
        const sql = 'SELECT CAST(? AS DATETIME(3)) AS at';
        const [[asText]] = await connection.query<AtRow[]>({ sql, values: [value], dateStrings: true });
        const [[asDate]] = await connection.query<AtRow[]>(sql, [value]);
        expect(() => (asDate!.at as Date).toISOString(), value).toThrow(RangeError);
        expect(() => isoFromMysqlDatetime(asText!.at as string), value).toThrow(RangeError);
      }
    } finally {
      connection.destroy(); // its session settings stay with it
    }
  });
});

describe('plans read as text', () => {
  const instants = [
    new Date('2026-11-29T07:55:42.000Z'),
    new Date('2026-11-29T07:55:42.007Z'),
    new Date('2026-11-29T07:55:42.120Z'),
    new Date('2000-02-29T23:59:59.999Z'),
  ];

  beforeAll(async () => {
    const repository = new MysqlPlanRepository(pool);
    for (const [index, at] of instants.entries()) {
      await repository.create(
        {
          id: `plan-${index}`,
          name: `Plan ${index}`,
          priceCents: 1_000 * index,
          currency: 'USD',
          billingPeriod: 'monthly',
          features: index % 2 === 0 ? ['promptads.campaigns', 'promptcrm.leads'] : [],
          active: index !== 1,
        },
        at,
      );
    }
    await repository.update('plan-2', { name: 'Plan 2, renamed' }, new Date('2027-01-01T00:00:00.001Z'));
  });

  /** The plans' datetimes through mysql2's `Date`, as the repository read them before. */
  async function throughDates(): Promise<Record<string, { createdAt: string; updatedAt: string }>> {
    const [rows] = await pool.query<(RowDataPacket & { id: string; created_at: Date; updated_at: Date })[]>(
      'SELECT id, created_at, updated_at FROM plans',
    );
    return Object.fromEntries(
      rows.map((row) => [
        row.id,
        { createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() },
      ]),
    );
  }

  it('lists and finds each plan with the datetimes mysql2’s Date gives, the other columns as they were', async () => {
    const repository = new MysqlPlanRepository(pool);
    const expected = await throughDates();
    const plans = await repository.list({ limit: 100 });
    expect(plans.map((plan) => plan.id)).toEqual(['plan-0', 'plan-1', 'plan-2', 'plan-3']);
    for (const plan of plans) {
      expect({ createdAt: plan.createdAt, updatedAt: plan.updatedAt }, plan.id).toEqual(expected[plan.id]);
      expect(await repository.get(plan.id)).toEqual(plan);
    }
    expect(plans[2]).toMatchObject({
      updatedAt: '2027-01-01T00:00:00.001Z',
      createdAt: instants[2]!.toISOString(),
    });
    expect(plans[1]).toMatchObject({ priceCents: 1_000, features: [], active: false });
    expect(plans[0]).toMatchObject({
      priceCents: 0,
      features: ['promptads.campaigns', 'promptcrm.leads'],
      active: true,
    });
  });
});
