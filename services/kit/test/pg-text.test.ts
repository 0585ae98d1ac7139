import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_ADMIN_URL } from '../../test-support/index.js';
import { isoFromPgTimestamp, PG_TEXT, textArrayFromPg } from '../pg-text.js';

/** Instants with every length of fraction PostgreSQL writes (none, 1 to 6 digits), and edge years. */
const INSTANTS = [
  '2026-11-29 07:55:42+00',
  '2026-11-29 07:55:42.1+00',
  '2026-11-29 07:55:42.12+00',
  '2026-11-29 07:55:42.123+00',
  '2026-11-29 07:55:42.1234+00',
  '2026-11-29 07:55:42.123456+00',
  '2026-11-29 07:55:42.999999+00',
  '1970-01-01 00:00:00+00',
  '2000-02-29 23:59:59.5+00',
  '9999-12-31 23:59:59.999+00',
  '1901-06-15 12:00:00.04+00',
];

const ARRAYS = [
  [],
  ['google-ads'],
  ['google-ads', 'meta-ads', 'tiktok-ads'],
  ['with space', 'comma,inside', 'quote"inside', 'back\\slash', ''],
  ['NULL', 'null', 'NULLABLE'],
  ['{braces}', 'ü-ñ'],
];

describe('rows read as text', () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
  });

  /** The instant as the server writes it in the session's time zone, and as pg's own parser reads it. */
  async function readBothWays(instant: string) {
    const sql = 'SELECT $1::timestamptz AS at';
    const asText = await client.query<{ at: string }>({ text: sql, values: [instant], types: PG_TEXT });
    const parsed = await client.query<{ at: Date }>(sql, [instant]);
    return { text: asText.rows[0]!.at, expected: parsed.rows[0]!.at.toISOString() };
  }

  it('gives every timestamptz the ISO 8601 UTC text pg’s Date parser would, in UTC and in other time zones', async () => {
    for (const zone of ['UTC', 'America/Costa_Rica', 'Asia/Kolkata']) {
      await client.query(`SET TIME ZONE '${zone}'`);
      for (const instant of INSTANTS) {
        const { text, expected } = await readBothWays(instant);
        expect(isoFromPgTimestamp(text), `${instant} in ${zone} (sent as ${text})`).toBe(expected);
      }
    }
    await client.query('SET TIME ZONE UTC');
  });

  it('reads text[] as pg’s array parser does, quoted, escaped, empty and NULL elements included', async () => {
    for (const values of [...ARRAYS, ['a', null, 'b']]) {
      const sql = 'SELECT $1::text[] AS list';
      const asText = await client.query<{ list: string }>({ text: sql, values: [values], types: PG_TEXT });
      const parsed = await client.query<{ list: (string | null)[] }>(sql, [values]);
      expect(textArrayFromPg(asText.rows[0]!.list)).toEqual(parsed.rows[0]!.list);
      expect(parsed.rows[0]!.list).toEqual(values);
    }
  });
});
