import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TENANT, migratePostgres } from '../../kit/index.js';
import { createTestPostgresDatabase, expectProblem, PROBLEM, TEST_TENANT } from '../../test-support/index.js';
import { promptAdsMigrations } from '../infrastructure/migrations.js';
import { migratePromptAds } from '../migrate.js';
import { type AdsHarness, startAdsHarness } from './harness.js';

const base = '/api/promptads/v1';
let h: AdsHarness;

/** The default test tenant's plan includes campaigns and experiments. */
const FULL = TEST_TENANT;

const campaignBody = (accountId: string, overrides: Record<string, unknown> = {}) => ({
  accountId,
  name: 'Spring launch',
  objective: 'leads',
  kpis: [
    { metric: 'ctr', target: 0.02 },
    { metric: 'cpa', target: 1500 },
  ],
  channels: ['meta-ads', 'google-ads'],
  formats: ['image', 'video'],
  budget: { amountCents: 500000, currency: 'USD', period: 'lifetime' },
  startDate: '2026-03-01',
  endDate: '2026-03-31',
  ...overrides,
});

async function createCampaign(accountId: string, overrides: Record<string, unknown> = {}) {
  const response = await h.call({
    method: 'POST',
    url: `${base}/campaigns`,
    tenant: accountId,
    payload: campaignBody(accountId, overrides),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const counts = async () =>
  (
    await h.sql<{ campaigns: number; log: number }>(
      'SELECT (SELECT count(*)::int FROM campaigns) AS campaigns, (SELECT count(*)::int FROM compliance_log) AS log',
    )
  )[0];

beforeAll(async () => {
  h = await startAdsHarness('promptads');
  await h.entitle(FULL, ['promptads.campaigns', 'promptads.experiments']);
  await h.entitle('acct-basic', ['promptads.campaigns']);
  await h.entitle('acct-crm-only', ['promptcrm.leads']);
});

afterAll(async () => {
  await h?.close();
});

describe('migrations', () => {
  it('are idempotent: a second run applies nothing', async () => {
    const again = await migratePromptAds(h.database.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(promptAdsMigrations.map((m) => m.version));
  });
});

describe('campaigns', () => {
  it('creates a draft after Business allows it, and logs who did it in the same transaction', async () => {
    const campaign = await createCampaign(FULL);
    expect(campaign).toMatchObject({ accountId: FULL, status: 'draft', createdBy: 'planner-1' });
    const fetched = await h.call({ method: 'GET', url: `${base}/campaigns/${campaign.id}` });
    expect(fetched.json()).toEqual(campaign);
    const [row] = await h.sql(
      'SELECT name, channels, budget_amount_cents::int AS budget FROM campaigns WHERE id = $1',
      [campaign.id],
    );
    expect(row).toEqual({ name: 'Spring launch', channels: ['meta-ads', 'google-ads'], budget: 500000 });
    const log = await h.sql('SELECT actor, action, request_id FROM compliance_log WHERE campaign_id = $1', [
      campaign.id,
    ]);
    expect(log).toEqual([{ actor: 'planner-1', action: 'campaign.created', request_id: expect.any(String) }]);
  });

  it('updates, moves through statuses and refuses impossible moves', async () => {
    const campaign = await createCampaign(FULL);
    const patched = await h.call({
      method: 'PATCH',
      url: `${base}/campaigns/${campaign.id}`,
      payload: {
        name: 'Spring launch v2',
        budget: { amountCents: 750000, currency: 'USD', period: 'lifetime' },
      },
      subject: 'planner-2',
    });
    expect(patched.json()).toMatchObject({ name: 'Spring launch v2', budget: { amountCents: 750000 } });
    const active = await h.call({
      method: 'POST',
      url: `${base}/campaigns/${campaign.id}/status`,
      payload: { status: 'active' },
    });
    expect(active.json().status).toBe('active');
    const impossible = await h.call({
      method: 'POST',
      url: `${base}/campaigns/${campaign.id}/status`,
      payload: { status: 'draft' },
    });
    expect(impossible.statusCode).toBe(409);
    expect(impossible.headers['content-type']).toBe(PROBLEM);

    const log = await h.call({
      method: 'GET',
      url: `${base}/campaigns/${campaign.id}/compliance-log?limit=2`,
    });
    expect(log.json().items.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['campaign.status-changed', 'planner-1'],
      ['campaign.updated', 'planner-2'],
    ]);
    expect(log.json().items[0].changes).toEqual({ from: 'draft', to: 'active' });
    const older = await h.call({
      method: 'GET',
      url: `${base}/campaigns/${campaign.id}/compliance-log?limit=2&cursor=${log.json().nextCursor}`,
    });
    expect(older.json()).toMatchObject({ items: [{ action: 'campaign.created' }], nextCursor: null });
  });

  it('rejects rules JSON schema cannot express: end before start', async () => {
    const response = await h.call({
      method: 'POST',
      url: `${base}/campaigns`,
      payload: campaignBody(FULL, { startDate: '2026-04-02', endDate: '2026-04-01' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toBe('endDate must not be before startDate');
  });

  it('lists with filters and keyset pages', async () => {
    await h.entitle('acct-list', ['promptads.campaigns']);
    const ids = [];
    for (const objective of ['sales', 'sales', 'awareness']) {
      ids.push((await createCampaign('acct-list', { objective, channels: ['tiktok-ads'] })).id);
    }
    const first = await h.call({
      method: 'GET',
      url: `${base}/campaigns?objective=sales&limit=1`,
      tenant: 'acct-list',
    });
    expect(first.json().items.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
    const second = await h.call({
      method: 'GET',
      url: `${base}/campaigns?objective=sales&limit=1&cursor=${first.json().nextCursor}`,
      tenant: 'acct-list',
    });
    expect(second.json()).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
    const byChannel = await h.call({
      method: 'GET',
      url: `${base}/campaigns?channel=tiktok-ads&status=draft`,
      tenant: 'acct-list',
    });
    expect(byChannel.json().items).toHaveLength(3);
  });

  it.each([
    ['unknown field', { ...campaignBody(FULL), priority: 'high' }, '/priority'],
    [
      'wrong type',
      campaignBody(FULL, { budget: { amountCents: '5000', currency: 'USD', period: 'daily' } }),
      '/budget/amountCents',
    ],
    ['unknown channel', campaignBody(FULL, { channels: ['fax'] }), '/channels/0'],
    ['missing field', { ...campaignBody(FULL), name: undefined }, '/name'],
  ])('rejects a body with a %s', async (_case, payload, field) => {
    const before = await counts();
    const response = await h.call({ method: 'POST', url: `${base}/campaigns`, payload });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe(PROBLEM);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it.each(['limit=0', 'limit=101', 'status=deleted', 'cursor=eyJ4Ijox', 'cursor=WyJub3QtYS1kYXRlIiwieCJd'])(
    'rejects invalid list query %s',
    async (query) => {
      const response = await h.call({ method: 'GET', url: `${base}/campaigns?${query}` });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toBe(PROBLEM);
    },
  );

  it('rejects oversized and malformed bodies', async () => {
    const big = await h.call({
      method: 'POST',
      url: `${base}/campaigns`,
      payload: campaignBody(FULL, { name: 'x'.repeat(9000) }),
    });
    expect(big.statusCode).toBe(413);
    const malformed = await h.call({
      method: 'POST',
      url: `${base}/campaigns`,
      payload: '{"accountId":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toBe(PROBLEM);
  });

  it('needs the write scope to create', async () => {
    const response = await h.call({
      method: 'POST',
      url: `${base}/campaigns`,
      payload: campaignBody(FULL),
      scopes: ['promptads:read'],
    });
    expect(response.statusCode).toBe(403);
    const anonymous = await h.app.inject({ method: 'GET', url: `${base}/campaigns` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('never keeps a change whose compliance entry could not be written', async () => {
    await h.sql(`ALTER TABLE compliance_log ADD CONSTRAINT test_refuse_saboteur CHECK (actor <> 'saboteur')`);
    try {
      const before = await counts();
      const response = await h.call({
        method: 'POST',
        url: `${base}/campaigns`,
        payload: campaignBody(FULL),
        subject: 'saboteur',
      });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain('test_refuse_saboteur');
      expect(await counts()).toEqual(before);
    } finally {
      await h.sql('ALTER TABLE compliance_log DROP CONSTRAINT test_refuse_saboteur');
    }
  });
});

describe('targeting, bidding and experiments', () => {
  it('adds and lists audiences', async () => {
    const campaign = await createCampaign(FULL);
    const payload = {
      name: 'Young professionals',
      ageMin: 25,
      ageMax: 34,
      genders: ['female', 'male'],
      locations: ['CR', 'MX'],
      interests: ['saas'],
      behaviours: ['frequent-travellers'],
    };
    const created = await h.call({
      method: 'POST',
      url: `${base}/campaigns/${campaign.id}/audiences`,
      payload,
    });
    expect(created.statusCode).toBe(201);
    const listed = await h.call({ method: 'GET', url: `${base}/campaigns/${campaign.id}/audiences` });
    expect(listed.json()).toEqual({ items: [created.json()], nextCursor: null });
    const invalid = await h.call({
      method: 'POST',
      url: `${base}/campaigns/${campaign.id}/audiences`,
      payload: { ...payload, ageMin: 40 },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().detail).toBe('ageMin must not exceed ageMax');
  });

  it('adds bidding rules only for the campaign’s channels', async () => {
    const campaign = await createCampaign(FULL);
    const rule = { channel: 'meta-ads', strategy: 'target-cpa', bidCapCents: null, dailyBudgetCents: 20000 };
    const created = await h.call({
      method: 'POST',
      url: `${base}/campaigns/${campaign.id}/bidding-rules`,
      payload: rule,
    });
    expect(created.statusCode).toBe(201);
    const listed = await h.call({ method: 'GET', url: `${base}/campaigns/${campaign.id}/bidding-rules` });
    expect(listed.json().items).toEqual([created.json()]);
    const elsewhere = await h.call({
      method: 'POST',
      url: `${base}/campaigns/${campaign.id}/bidding-rules`,
      payload: { ...rule, channel: 'linkedin-ads' },
    });
    expect(elsewhere.statusCode).toBe(400);
  });

  it('runs A/B experiments when the plan includes them', async () => {
    const experiment = {
      name: 'Headline test',
      hypothesis: 'A question headline lifts CTR',
      metric: 'ctr',
      variants: [
        { key: 'A', name: 'Statement', trafficPercent: 50 },
        { key: 'B', name: 'Question', trafficPercent: 50 },
      ],
    };
    const full = await createCampaign(FULL);
    const created = await h.call({
      method: 'POST',
      url: `${base}/campaigns/${full.id}/experiments`,
      payload: experiment,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', variants: experiment.variants });
    const listed = await h.call({ method: 'GET', url: `${base}/campaigns/${full.id}/experiments` });
    expect(listed.json().items).toEqual([created.json()]);

    const unbalanced = await h.call({
      method: 'POST',
      url: `${base}/campaigns/${full.id}/experiments`,
      payload: {
        ...experiment,
        variants: [experiment.variants[0], { ...experiment.variants[1], trafficPercent: 40 }],
      },
    });
    expect(unbalanced.statusCode).toBe(400);

    const basic = await createCampaign('acct-basic');
    const denied = await h.call({
      method: 'POST',
      url: `${base}/campaigns/${basic.id}/experiments`,
      tenant: 'acct-basic',
      payload: experiment,
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().type).toBe('urn:promptsales:problem:feature-not-in-plan');
  });

  it('answers 404 for an unknown campaign', async () => {
    const response = await h.call({
      method: 'GET',
      url: `${base}/campaigns/00000000-0000-4000-8000-000000000000/audiences`,
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe(PROBLEM);
  });
});

describe('the Business facade', () => {
  // Finding 8: the 403 once told whether the account had a plan; now both answers are the same
  // and name no account.
  it.each(['acct-crm-only', 'acct-unknown'])('denies %s with 403 and writes nothing', async (accountId) => {
    const before = await counts();
    const response = await h.call({
      method: 'POST',
      url: `${base}/campaigns`,
      tenant: accountId,
      payload: campaignBody(accountId),
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toBe(PROBLEM);
    expect(response.json()).toMatchObject({
      type: 'urn:promptsales:problem:feature-not-in-plan',
      detail: 'the plan does not include promptads.campaigns',
    });
    expect(response.body).not.toContain(accountId);
    expect(await counts()).toEqual(before);
  });

  it('answers 503 and writes nothing when Business is unreachable', async () => {
    const ads = await h.variant({ BUSINESS_URL: await h.closedPort() });
    const before = await counts();
    const response = await h.call(
      { method: 'POST', url: `${base}/campaigns`, payload: campaignBody(FULL) },
      ads,
    );
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toBe(PROBLEM);
    expect(response.json()).toMatchObject({ dependency: 'business', detail: 'business is unreachable' });
    expect(await counts()).toEqual(before);
  });

  it('answers 503 and writes nothing when Business does not answer in time', async () => {
    const ads = await h.variant({ BUSINESS_URL: await h.blackHole(), BUSINESS_TIMEOUT_MS: '300' });
    const before = await counts();
    const response = await h.call(
      { method: 'POST', url: `${base}/campaigns`, payload: campaignBody(FULL) },
      ads,
    );
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      dependency: 'business',
      detail: 'business did not answer within 300 ms',
    });
    expect(await counts()).toEqual(before);
  });
});

describe('over a real socket', () => {
  it('creates and reads a campaign over HTTP', async () => {
    const address = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const headers = { authorization: `Bearer ${await h.token()}`, 'content-type': 'application/json' };
    const created = await fetch(`${address}${base}/campaigns`, {
      method: 'POST',
      headers,
      body: JSON.stringify(campaignBody(FULL)),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const fetched = await fetch(`${address}${base}/campaigns/${id}`, { headers });
    expect(((await fetched.json()) as { id: string }).id).toBe(id);
    const docs = await fetch(`${address}${base}/docs/json`);
    expect(Object.keys(((await docs.json()) as { paths: object }).paths)).toContain(
      `${base}/campaigns/{campaignId}/experiments`,
    );
  });
});

describe('database outage', () => {
  it('flips readiness to 503, answers 503, and recovers without a restart', async () => {
    await h.proxy.cut();
    const ready = await h.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ detail: 'not ready: database is down' });
    const request = await h.call({ method: 'GET', url: `${base}/campaigns` });
    expect(request.statusCode).toBe(503);
    expect(request.json()).toMatchObject({ dependency: 'database' });

    await h.proxy.restore();
    await expect
      .poll(async () => (await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode, {
        timeout: 10_000,
      })
      .toBe(200);
    expect((await h.call({ method: 'GET', url: `${base}/campaigns` })).statusCode).toBe(200);
  });
});

describe('tenancy in the schema', () => {
  it('gives every table a NOT NULL tenant_id under forced row-level security', async () => {
    const tables = await h.sql<{ table: string; nullable: string; rls: boolean; forced: boolean }>(
      `SELECT c.table_name AS table, c.is_nullable AS nullable, t.relrowsecurity AS rls, t.relforcerowsecurity AS forced
       FROM information_schema.columns c JOIN pg_class t ON t.relname = c.table_name
       WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' ORDER BY 1`,
    );
    expect(tables).toEqual(
      ['audiences', 'bidding_rules', 'campaigns', 'compliance_log', 'experiments', 'idempotency_keys'].map(
        (table) => ({ table, nullable: 'NO', rls: true, forced: true }),
      ),
    );
  });

  it('shows the service’s database role no rows at all when no tenant is set', async () => {
    await createCampaign(FULL);
    const [owner] = await h.sql<{ n: number }>('SELECT count(*)::int AS n FROM campaigns');
    expect(owner?.n).toBeGreaterThan(0);
    const app = new pg.Client({ connectionString: h.database.appUrl });
    await app.connect();
    try {
      for (const table of ['campaigns', 'audiences', 'bidding_rules', 'experiments', 'compliance_log']) {
        expect((await app.query(`SELECT * FROM ${table}`)).rows).toEqual([]);
      }
      await app.query('BEGIN');
      await app.query("SELECT set_config('app.tenant_id', $1, true)", [FULL]);
      const own = await app.query('SELECT DISTINCT tenant_id FROM campaigns');
      await app.query('COMMIT');
      expect(own.rows).toEqual([{ tenant_id: FULL }]);
    } finally {
      await app.end();
    }
  });

  it('moves campaigns written before tenancy under the default tenant', async () => {
    const legacy = await createTestPostgresDatabase('promptads legacy');
    try {
      await migratePostgres(
        legacy.url,
        promptAdsMigrations.filter((m) => m.version < 4),
      );
      const owner = new pg.Client({ connectionString: legacy.url });
      await owner.connect();
      try {
        await owner.query(
          `INSERT INTO campaigns VALUES ('00000000-0000-4000-8000-000000000001', 'Legacy_Account', 'Old', 'sales',
             '[]', '{google-ads}', '{text}', 100, 'USD', 'daily', '2026-01-01', '2026-01-02', 'draft', 'someone', now(), now())`,
        );
        await migratePromptAds(legacy.url);
        const { rows } = await owner.query('SELECT account_id, tenant_id FROM campaigns');
        expect(rows).toEqual([{ account_id: 'Legacy_Account', tenant_id: DEFAULT_TENANT }]);
      } finally {
        await owner.end();
      }
    } finally {
      await legacy.drop();
    }
  });
});

describe('finding 1: one tenant cannot read or change another tenant’s campaigns', () => {
  it('answers 404 to every cross-tenant read and write, and changes nothing', async () => {
    const victim = await createCampaign(FULL);
    const attacker = { tenant: 'acct-basic' };
    const before = await h.sql('SELECT * FROM campaigns WHERE id = $1', [victim.id]);
    const logBefore = await counts();

    for (const path of ['', '/audiences', '/bidding-rules', '/experiments', '/compliance-log']) {
      expectProblem(
        await h.call({ method: 'GET', url: `${base}/campaigns/${victim.id}${path}`, ...attacker }),
        404,
      );
    }
    const writes = [
      {
        method: 'PATCH' as const,
        url: '',
        payload: { budget: { amountCents: 1, currency: 'USD', period: 'daily' } },
      },
      { method: 'POST' as const, url: '/status', payload: { status: 'active' } },
      {
        method: 'POST' as const,
        url: '/bidding-rules',
        payload: { channel: 'meta-ads', strategy: 'target-cpa', bidCapCents: null, dailyBudgetCents: 1 },
      },
    ];
    for (const write of writes) {
      const response = await h.call({
        method: write.method,
        url: `${base}/campaigns/${victim.id}${write.url}`,
        payload: write.payload,
        ...attacker,
      });
      expectProblem(response, 404);
    }
    const asVictim = await h.call({
      method: 'POST',
      url: `${base}/campaigns`,
      payload: campaignBody(FULL),
      ...attacker,
    });
    expectProblem(asVictim, 404);

    const listed = await h.call({ method: 'GET', url: `${base}/campaigns`, ...attacker });
    expect(listed.json().items.map((c: { id: string }) => c.id)).not.toContain(victim.id);
    expect(await h.sql('SELECT * FROM campaigns WHERE id = $1', [victim.id])).toEqual(before);
    expect(await counts()).toEqual(logBefore);
  });

  it('answers 403 to a token without a tenant', async () => {
    const response = await h.call({ method: 'GET', url: `${base}/campaigns`, tenant: null });
    expect(expectProblem(response, 403).type).toMatch(/tenant-required$/);
  });
});

describe('finding 3: the plan governs every change, not only creation', () => {
  it('refuses activation, budget changes and bidding rules once the subscription is cancelled', async () => {
    await h.entitle('acct-lapsing', ['promptads.campaigns']);
    const campaign = await createCampaign('acct-lapsing');
    const lapsing = { tenant: 'acct-lapsing' };
    const rule = { channel: 'meta-ads', strategy: 'target-cpa', bidCapCents: null, dailyBudgetCents: 100 };
    const addRule = () =>
      h.call({
        method: 'POST',
        url: `${base}/campaigns/${campaign.id}/bidding-rules`,
        payload: rule,
        ...lapsing,
      });
    expect((await addRule()).statusCode).toBe(201);

    await h.cancelSubscription('acct-lapsing');
    const before = await h.sql('SELECT * FROM campaigns WHERE id = $1', [campaign.id]);
    const attempts = [
      h.call({
        method: 'POST',
        url: `${base}/campaigns/${campaign.id}/status`,
        payload: { status: 'active' },
        ...lapsing,
      }),
      h.call({
        method: 'PATCH',
        url: `${base}/campaigns/${campaign.id}`,
        payload: { budget: { amountCents: 9_999_999, currency: 'USD', period: 'lifetime' } },
        ...lapsing,
      }),
      addRule(),
      h.call({ method: 'POST', url: `${base}/campaigns`, payload: campaignBody('acct-lapsing'), ...lapsing }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(expectProblem(response, 403).detail).toBe('the plan does not include promptads.campaigns');
    }
    expect(await h.sql('SELECT * FROM campaigns WHERE id = $1', [campaign.id])).toEqual(before);
    const rules = await h.sql('SELECT id FROM bidding_rules WHERE campaign_id = $1', [campaign.id]);
    expect(rules).toHaveLength(1);

    // Stopping spend needs no plan: a lapsed tenant can still archive its campaign.
    const archived = await h.call({
      method: 'POST',
      url: `${base}/campaigns/${campaign.id}/status`,
      payload: { status: 'archived' },
      ...lapsing,
    });
    expect(archived.json().status).toBe('archived');
  });
});

describe('Idempotency-Key on creating POSTs', () => {
  it('creates one campaign for a retried request', async () => {
    const send = () =>
      h.call({
        method: 'POST',
        url: `${base}/campaigns`,
        payload: campaignBody(FULL, { name: 'Retried' }),
        headers: { 'idempotency-key': 'create-retried' },
      });
    const first = await send();
    const retry = await send();
    expect(first.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const rows = await h.sql("SELECT id FROM campaigns WHERE name = 'Retried'");
    expect(rows).toHaveLength(1);
  });
});
