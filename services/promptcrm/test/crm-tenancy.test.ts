import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../kit/index.js';
import {
  callerOf,
  createTestPostgresDatabase,
  expectProblem,
  OTHER_TENANT,
  POSTGRES_ADMIN_URL,
  TEST_TENANT,
  tableSecurity,
  uniqueName,
} from '../../test-support/index.js';
import { contactsAndLeads } from '../infrastructure/migrations/001-contacts-and-leads.js';
import { migratePromptCrm } from '../migrate.js';
import { type CrmHarness, PREFIX, startCrm } from './harness.js';

/**
 * Issue 10, finding 1 within PromptCrm: with another tenant's token, nothing of a tenant's can be
 * read, listed, changed or referenced, and a duplicate e-mail in another tenant no longer says
 * that the contact exists there.
 */

type Headers = { authorization: string };

let h: CrmHarness;
let tenantA: Headers;
let tenantB: Headers;

beforeAll(async () => {
  h = await startCrm('crm_tenancy');
  tenantA = await h.authorization('agent-a', undefined, TEST_TENANT);
  tenantB = await h.authorization('agent-b', undefined, OTHER_TENANT);
});

afterAll(async () => {
  await h?.close();
});

const request = (headers: Headers) => callerOf(h.app, PREFIX, headers);

const segment = { type: 'b2b', industry: 'retail', purchasePotential: 'high', region: 'latam' };

/** One tenant's organisation, account, contact and lead, as the API returned them. */
async function seed(headers: Headers) {
  const api = request(headers);
  const organisation = (
    await api.post('/organisations', { name: 'Acme Retail', industry: 'retail', region: 'latam' })
  ).json();
  const account = (
    await api.post('/accounts', {
      organisationId: organisation.id,
      name: 'Acme CR',
      type: 'customer',
      industry: 'retail',
      region: 'latam',
    })
  ).json();
  const contact = (
    await api.post('/contacts', {
      organisationId: organisation.id,
      accountId: account.id,
      firstName: 'Ana',
      lastName: 'Mora',
      email: `ana.${randomUUID()}@example.com`,
    })
  ).json();
  const lead = (
    await api.post('/leads', { contactId: contact.id, title: 'Upsell', source: 'chatbot', segment })
  ).json();
  for (const created of [organisation, account, contact, lead])
    expect(created.id).toEqual(expect.any(String));
  return { organisation, account, contact, lead };
}

describe('object-level authorization across tenants', () => {
  it("answers 404 for every one of another tenant's records, as for one that does not exist", async () => {
    const mine = await seed(tenantA);
    const them = request(tenantB);
    const paths = [
      `/organisations/${mine.organisation.id}`,
      `/accounts/${mine.account.id}`,
      `/contacts/${mine.contact.id}`,
      `/leads/${mine.lead.id}`,
      `/leads/${mine.lead.id}/timeline`,
    ];
    for (const path of paths) {
      const foreign = expectProblem(await them.get(path), 404);
      const unknown = expectProblem(await them.get(path.replace(/[0-9a-f-]{36}/, randomUUID())), 404);
      // Same answer whether the record is another tenant's or nobody's: nothing to tell them apart.
      expect(foreign.title).toBe(unknown.title);
      expect((await request(tenantA).get(path)).statusCode).toBe(200);
    }
  });

  it("changes nothing when another tenant moves a lead's status or logs an interaction (404)", async () => {
    const mine = await seed(tenantA);
    const them = request(tenantB);
    expectProblem(await them.post(`/leads/${mine.lead.id}/status-changes`, { status: 'lost' }), 404);
    expectProblem(
      await them.post(`/leads/${mine.lead.id}/interactions`, {
        channel: 'phone',
        direction: 'outbound',
        summary: 'not mine to log',
      }),
      404,
    );

    const api = request(tenantA);
    expect((await api.get(`/leads/${mine.lead.id}`)).json()).toEqual(mine.lead);
    const timeline = (await api.get(`/leads/${mine.lead.id}/timeline`)).json();
    expect(timeline.items.map((event: { type: string }) => event.type)).toEqual(['created']);
  });

  it("refuses to point at another tenant's records (422, as if they did not exist), storing nothing", async () => {
    const mine = await seed(tenantA);
    const them = request(tenantB);
    const lead = await them.post('/leads', {
      contactId: mine.contact.id,
      title: 'Poach',
      source: 'manual',
      segment,
    });
    expect(expectProblem(lead, 422).errors[0].field).toBe('/contactId');
    const contact = await them.post('/contacts', {
      accountId: mine.account.id,
      firstName: 'Eve',
      lastName: 'X',
      email: `eve.${randomUUID()}@example.com`,
    });
    expect(expectProblem(contact, 422).errors[0].field).toBe('/accountId');
    const account = await them.post('/accounts', {
      organisationId: mine.organisation.id,
      name: 'Poach',
      type: 'prospect',
      industry: 'retail',
      region: 'latam',
    });
    expect(expectProblem(account, 422).errors[0].field).toBe('/organisationId');

    expect((await them.get(`/leads?contactId=${mine.contact.id}`)).json().items).toEqual([]);
    expect((await them.get(`/contacts?accountId=${mine.account.id}`)).json().items).toEqual([]);
    expect((await them.get(`/accounts?organisationId=${mine.organisation.id}`)).json().items).toEqual([]);
  });
});

describe('lists (personal data) are scoped to the tenant', () => {
  it("lists only the caller's own contacts, leads, accounts and organisations, however it filters", async () => {
    const mine = await seed(tenantA);
    const theirs = await seed(tenantB);
    const collections = ['organisations', 'accounts', 'contacts', 'leads'] as const;
    for (const collection of collections) {
      const ownIds = async (headers: Headers) => {
        const ids: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: { id: string }[]; nextCursor: string | null } = (
            await request(headers).get(`/${collection}?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
          ).json();
          ids.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
        } while (cursor);
        return ids;
      };
      const singular = collection.slice(0, -1) as 'organisation' | 'account' | 'contact' | 'lead';
      const idsOfA = await ownIds(tenantA);
      const idsOfB = await ownIds(tenantB);
      expect(idsOfA).toContain(mine[singular].id);
      expect(idsOfA).not.toContain(theirs[singular].id);
      expect(idsOfB).toContain(theirs[singular].id);
      expect(idsOfB).not.toContain(mine[singular].id);
    }
    const byEmail = await request(tenantB).get(`/contacts?email=${encodeURIComponent(mine.contact.email)}`);
    expect(byEmail.json().items).toEqual([]);
  });
});

describe('contact e-mails are unique per tenant', () => {
  it('accepts the same e-mail in another tenant (201, no 409 telling it exists) and refuses it twice in one', async () => {
    const email = `shared.${randomUUID()}@example.com`;
    const body = { firstName: 'Ana', lastName: 'Mora', email };
    const first = await request(tenantA).post('/contacts', body);
    expect(first.statusCode).toBe(201);
    const other = await request(tenantB).post('/contacts', { ...body, email: email.toUpperCase() });
    expect(other.statusCode).toBe(201);
    expect(other.json().id).not.toBe(first.json().id);
    expectProblem(await request(tenantB).post('/contacts', body), 409);
    expectProblem(await request(tenantA).post('/contacts', body), 409);
  });
});

describe('Idempotency-Key on creating POSTs (optional, per tenant)', () => {
  it('answers a replay with the first answer and stores one contact; another body under the key is 422', async () => {
    const key = `contact-${randomUUID()}`;
    const body = { firstName: 'Ana', lastName: 'Mora', email: `idem.${randomUUID()}@example.com` };
    const post = (headers: Headers, payload: object) =>
      request(headers).post('/contacts', payload, { 'idempotency-key': key });
    const first = await post(tenantA, body);
    expect(first.statusCode).toBe(201);
    const replay = await post(tenantA, body);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    const stored = await request(tenantA).get(`/contacts?email=${encodeURIComponent(body.email)}`);
    expect(stored.json().items).toHaveLength(1);

    expectProblem(await post(tenantA, { ...body, firstName: 'Other' }), 422);
    // The same key in another tenant is another key: it creates that tenant's contact.
    const elsewhere = await post(tenantB, body);
    expect(elsewhere.statusCode).toBe(201);
    expect(elsewhere.headers['idempotent-replayed']).toBeUndefined();
    expect(elsewhere.json().id).not.toBe(first.json().id);
  });
});

describe('row-level security (the second line)', () => {
  const TENANT_TABLES = ['organisations', 'accounts', 'contacts', 'leads', 'lead_events'];

  it('puts a NOT NULL tenant_id and a forced tenant policy on every table but the migration log', async () => {
    const tables = [...TENANT_TABLES, 'idempotency_keys'].sort();
    expect(await tableSecurity(h.database.url)).toEqual(
      tables.map((table) => ({ table, tenant: true, rls: true, forced: true })),
    );
  });

  it('shows the service role no row at all when no tenant is set, and only its own rows when one is', async () => {
    await seed(tenantA);
    await seed(tenantB);
    const client = new pg.Client({ connectionString: h.database.appUrl });
    await client.connect();
    try {
      const count = async (table: string) =>
        Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
      for (const table of TENANT_TABLES) expect(await count(table)).toBe(0);

      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [OTHER_TENANT]);
      const tenants = await client.query('SELECT DISTINCT tenant_id FROM contacts');
      expect(tenants.rows).toEqual([{ tenant_id: OTHER_TENANT }]);
      // Writing a row for another tenant than the one set is refused by the policy itself.
      await expect(
        client.query(
          `INSERT INTO organisations (tenant_id, id, name, industry, region, created_at, updated_at)
           VALUES ($1, $2, 'x', 'retail', 'latam', now(), now())`,
          [TEST_TENANT, randomUUID()],
        ),
      ).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');

      for (const table of TENANT_TABLES) expect(await count(table)).toBe(0);
    } finally {
      await client.end();
    }
  });
});

describe('the service role the migration job creates', () => {
  it('is bound by row-level security: no row without a tenant, only its tenant’s rows with one', async () => {
    const database = await createTestPostgresDatabase('crm_service_role');
    const role = uniqueName('promptcrm_app');
    await migratePromptCrm(database.url, { name: role, auth: 'password', password: 'local-only' });
    const url = new URL(database.url);
    url.username = role;
    url.password = 'local-only';
    const asRole = new pg.Client({ connectionString: url.toString() });
    await asRole.connect();
    try {
      for (const tenant of [TEST_TENANT, OTHER_TENANT]) {
        await asRole.query('BEGIN');
        await asRole.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
        await asRole.query(
          `INSERT INTO contacts (tenant_id, id, first_name, last_name, email, created_at, updated_at)
           VALUES ($1, $2, 'Ana', 'Mora', 'ana@example.com', now(), now())`,
          [tenant, randomUUID()],
        );
        await asRole.query('COMMIT');
      }
      expect((await asRole.query('SELECT count(*)::int AS n FROM contacts')).rows).toEqual([{ n: 0 }]);
      await asRole.query('BEGIN');
      await asRole.query(`SELECT set_config('app.tenant_id', $1, true)`, [TEST_TENANT]);
      const seen = await asRole.query('SELECT tenant_id FROM contacts');
      await asRole.query('COMMIT');
      expect(seen.rows).toEqual([{ tenant_id: TEST_TENANT }]);
    } finally {
      await asRole.end();
      await database.drop();
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS "${role}"`);
      await admin.end();
    }
  });
});

describe('migration of existing rows', () => {
  it('moves rows written before tenancy under tenant `default`, and FORCE holds even for the owner', async () => {
    const database = await createTestPostgresDatabase('crm_tenant_migration');
    const admin = new pg.Client({ connectionString: database.url });
    const ownerRole = `${database.name}_owner`.slice(0, 63);
    await admin.connect();
    try {
      await migratePostgres(database.url, [contactsAndLeads]);
      await admin.query(
        `INSERT INTO contacts (id, first_name, last_name, email, created_at, updated_at)
         VALUES ($1, 'Old', 'Row', 'old@example.com', now(), now())`,
        [randomUUID()],
      );
      const result = await migratePromptCrm(database.url);
      expect(result.applied).toEqual([2, 3]);
      const { rows } = await admin.query('SELECT tenant_id, email FROM contacts');
      expect(rows).toEqual([{ tenant_id: 'default', email: 'old@example.com' }]);

      // An owner that is not a superuser is bound by the policy too (FORCE ROW LEVEL SECURITY).
      await admin.query(`CREATE ROLE "${ownerRole}" NOSUPERUSER NOBYPASSRLS`);
      await admin.query(`ALTER TABLE contacts OWNER TO "${ownerRole}"`);
      await admin.query('BEGIN');
      await admin.query(`SET LOCAL ROLE "${ownerRole}"`);
      expect((await admin.query('SELECT count(*)::int AS n FROM contacts')).rows).toEqual([{ n: 0 }]);
      await admin.query(`SELECT set_config('app.tenant_id', 'default', true)`);
      expect((await admin.query('SELECT count(*)::int AS n FROM contacts')).rows).toEqual([{ n: 1 }]);
      await admin.query('ROLLBACK');
    } finally {
      await admin.end();
      await database.drop();
      const cleanup = new pg.Client({ connectionString: new URL('/postgres', database.url).toString() });
      await cleanup.connect();
      await cleanup.query(`DROP ROLE IF EXISTS "${ownerRole}"`);
      await cleanup.end();
    }
  });
});
