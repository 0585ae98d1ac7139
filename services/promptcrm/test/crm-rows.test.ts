import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPool, decodeCursor } from '../../kit/index.js';
import {
  createTestPostgresDatabase,
  OTHER_TENANT,
  TEST_TENANT,
  type TestPostgresDatabase,
} from '../../test-support/index.js';
import type { CrmRepositories } from '../application/ports.js';
import type { LeadEvent } from '../domain/lead-event.js';
import { pgRepositories } from '../infrastructure/pg-repositories.js';
import { migratePromptCrm } from '../migrate.js';

/**
 * PromptCrm reads its rows as the text PostgreSQL sends: each entity's timestamps must be the ISO
 * text pg's own `Date` parser and `toISOString` give for the same rows, whatever the session's time
 * zone (outside UTC the server writes offsets such as `+05:30`, which take the road through `Date`).
 */

/** Every length of fraction PostgreSQL writes (none, 1 to 6 digits), an edge year and a leap day. */
const INSTANTS = [
  '2026-11-29 07:55:42+00',
  '2026-11-29 07:55:42.1+00',
  '2026-11-29 07:55:42.12+00',
  '2026-11-29 07:55:42.1234+00',
  '2026-11-29 07:55:42.123456+00',
  '2000-02-29 23:59:59.999999+00',
  '1970-01-01 00:00:00+00',
];

const ZONES = ['UTC', 'America/Costa_Rica', 'Asia/Kolkata'];
const TABLES = ['organisations', 'accounts', 'contacts', 'leads'] as const;
const ROWS_PER_TABLE = 3;

let database: TestPostgresDatabase;
let admin: pg.Client;

beforeAll(async () => {
  database = await createTestPostgresDatabase('crm_rows');
  await migratePromptCrm(database.url);
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const pool = createPgPool(database.url, () => {});
  try {
    await seed(pgRepositories(pool));
  } finally {
    await pool.end();
  }
  // Spread the instants over the rows, sub-millisecond fractions included.
  let index = 0;
  for (const table of TABLES) {
    const { rows } = await admin.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`);
    for (const { id } of rows) {
      await admin.query(`UPDATE ${table} SET created_at = $2, updated_at = $3 WHERE id = $1`, [
        id,
        INSTANTS[index % INSTANTS.length],
        INSTANTS[(index + 3) % INSTANTS.length],
      ]);
      index += 1;
    }
  }
});

afterAll(async () => {
  await admin?.end();
  await database?.drop();
});

async function seed(repositories: CrmRepositories): Promise<void> {
  const at = new Date().toISOString();
  for (let n = 0; n < ROWS_PER_TABLE; n += 1) {
    const organisationId = randomUUID();
    const accountId = randomUUID();
    const contactId = randomUUID();
    const leadId = randomUUID();
    const common = { industry: 'retail', region: 'latam', createdAt: at, updatedAt: at };
    await repositories.organisations.insert(TEST_TENANT, {
      id: organisationId,
      name: `Organisation ${n}`,
      website: null,
      ...common,
    });
    await repositories.accounts.insert(TEST_TENANT, {
      id: accountId,
      organisationId,
      name: `Account ${n}`,
      type: 'customer',
      ...common,
    });
    await repositories.contacts.insert(TEST_TENANT, {
      id: contactId,
      organisationId,
      accountId,
      firstName: 'Ana',
      lastName: `Mora ${n}`,
      email: `ana.${n}.${randomUUID()}@example.com`,
      phone: null,
      jobTitle: null,
      createdAt: at,
      updatedAt: at,
    });
    const created: LeadEvent = {
      id: randomUUID(),
      leadId,
      occurredAt: new Date(at),
      recordedAt: new Date(at),
      actor: 'user-1',
      data: { type: 'created', source: 'chatbot', status: 'new' },
    };
    await repositories.leads.insert(
      TEST_TENANT,
      {
        id: leadId,
        contactId,
        accountId,
        title: `Lead ${n}`,
        source: 'chatbot',
        status: 'new',
        segment: { type: 'b2b', industry: 'retail', purchasePotential: 'high', region: 'latam' },
        ...common,
      },
      created,
    );
  }
}

type Timestamps = Record<string, { createdAt: string; updatedAt: string }>;

/** The table's timestamps through pg's `Date` parser (a superuser connection: no row-level filter). */
async function throughDates(table: (typeof TABLES)[number]): Promise<Timestamps> {
  const { rows } = await admin.query<{ id: string; created_at: Date; updated_at: Date }>(
    `SELECT id, created_at, updated_at FROM ${table}`,
  );
  return Object.fromEntries(
    rows.map((row) => [
      row.id,
      { createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() },
    ]),
  );
}

const timestampsOf = (entities: { id: string; createdAt: string; updatedAt: string }[]): Timestamps =>
  Object.fromEntries(
    entities.map((entity) => [entity.id, { createdAt: entity.createdAt, updatedAt: entity.updatedAt }]),
  );

describe.each(ZONES)('PromptCrm rows read as text, the session in %s', (zone) => {
  let pool: pg.Pool;
  let repositories: CrmRepositories;

  beforeAll(async () => {
    await admin.query(`ALTER DATABASE "${database.name}" SET timezone TO '${zone}'`);
    pool = createPgPool(database.appUrl, () => {});
    repositories = pgRepositories(pool);
    expect((await pool.query<{ TimeZone: string }>('SHOW TIME ZONE')).rows[0]!.TimeZone).toBe(zone);
  });

  afterAll(async () => {
    await pool?.end();
  });

  const page = { filter: {}, limit: 100 };

  it('lists and finds each entity with the timestamps pg’s Date parser gives', async () => {
    const lists = {
      organisations: await repositories.organisations.list(TEST_TENANT, page),
      accounts: await repositories.accounts.list(TEST_TENANT, page),
      contacts: await repositories.contacts.list(TEST_TENANT, page),
      leads: await repositories.leads.list(TEST_TENANT, page),
    };
    for (const table of TABLES) {
      const expected = await throughDates(table);
      expect(Object.keys(expected)).toHaveLength(ROWS_PER_TABLE);
      expect(timestampsOf(lists[table].items), table).toEqual(expected);
    }
    const [lead] = lists.leads.items;
    const found = await repositories.leads.findById(TEST_TENANT, lead!.id);
    expect(found).toEqual(lead);
  });

  it('gives the next page’s cursor the last row’s creation as the Date path writes it', async () => {
    const first = await repositories.leads.list(TEST_TENANT, { filter: {}, limit: 1 });
    const last = first.items[0]!;
    const expected = (await throughDates('leads'))[last.id]!;
    expect(decodeCursor(first.nextCursor!)).toEqual({ sortKey: expected.createdAt, id: last.id });
  });

  it('reads a lead it changes the status of as text too', async () => {
    const [lead] = (await repositories.leads.list(TEST_TENANT, { filter: { status: 'new' }, limit: 1 }))
      .items;
    const recordedAt = new Date();
    const changed = await repositories.leads.changeStatus(TEST_TENANT, lead!.id, (current) => ({
      id: randomUUID(),
      leadId: current.id,
      occurredAt: recordedAt,
      recordedAt,
      actor: 'user-1',
      data: { type: 'status-changed', from: current.status, to: 'contacted', reason: null },
    }));
    const expected = (await throughDates('leads'))[lead!.id]!;
    expect(changed).toMatchObject({ status: 'contacted', ...expected });
    expect(changed!.updatedAt).toBe(recordedAt.toISOString());
    expect(changed!.createdAt).toBe(lead!.createdAt);
  });

  it('still lists nothing of the tenant to another tenant', async () => {
    for (const repository of [
      repositories.organisations,
      repositories.accounts,
      repositories.contacts,
      repositories.leads,
    ]) {
      expect((await repository.list(OTHER_TENANT, page)).items).toEqual([]);
    }
  });
});
