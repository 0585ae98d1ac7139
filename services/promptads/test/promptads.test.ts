import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM } from '../../test-support/index.js';
import { promptAdsMigrations } from '../infrastructure/migrations.js';
import { migratePromptAds } from '../migrate.js';
import { type AdsHarness, startAdsHarness } from './harness.js';

const base = '/api/promptads/v1';
let h: AdsHarness;

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
  await h.entitle('acct-full', ['promptads.campaigns', 'promptads.experiments']);
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
    const campaign = await createCampaign('acct-full');
    expect(campaign).toMatchObject({ accountId: 'acct-full', status: 'draft', createdBy: 'planner-1' });
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
    const campaign = await createCampaign('acct-full');
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
      payload: campaignBody('acct-full', { startDate: '2026-04-02', endDate: '2026-04-01' }),
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
      url: `${base}/campaigns?accountId=acct-list&objective=sales&limit=1`,
    });
    expect(first.json().items.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
    const second = await h.call({
      method: 'GET',
      url: `${base}/campaigns?accountId=acct-list&objective=sales&limit=1&cursor=${first.json().nextCursor}`,
    });
    expect(second.json()).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
    const byChannel = await h.call({
      method: 'GET',
      url: `${base}/campaigns?channel=tiktok-ads&status=draft`,
    });
    expect(byChannel.json().items).toHaveLength(3);
  });

  it.each([
    ['unknown field', { ...campaignBody('acct-full'), priority: 'high' }, '/priority'],
    [
      'wrong type',
      campaignBody('acct-full', { budget: { amountCents: '5000', currency: 'USD', period: 'daily' } }),
      '/budget/amountCents',
    ],
    ['unknown channel', campaignBody('acct-full', { channels: ['fax'] }), '/channels/0'],
    ['missing field', { ...campaignBody('acct-full'), name: undefined }, '/name'],
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
      payload: campaignBody('acct-full', { name: 'x'.repeat(9000) }),
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
      payload: campaignBody('acct-full'),
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
        payload: campaignBody('acct-full'),
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
    const campaign = await createCampaign('acct-full');
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
    const campaign = await createCampaign('acct-full');
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
    const full = await createCampaign('acct-full');
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
  it.each(['acct-crm-only', 'acct-unknown'])('denies %s with 403 and writes nothing', async (accountId) => {
    const before = await counts();
    const response = await h.call({
      method: 'POST',
      url: `${base}/campaigns`,
      payload: campaignBody(accountId),
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toBe(PROBLEM);
    expect(response.json()).toMatchObject({
      type: 'urn:promptsales:problem:feature-not-in-plan',
      detail: `account ${accountId}'s plan does not include promptads.campaigns`,
    });
    expect(await counts()).toEqual(before);
  });

  it('answers 503 and writes nothing when Business is unreachable', async () => {
    const ads = await h.variant({ BUSINESS_URL: await h.closedPort() });
    const before = await counts();
    const response = await h.call(
      { method: 'POST', url: `${base}/campaigns`, payload: campaignBody('acct-full') },
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
      { method: 'POST', url: `${base}/campaigns`, payload: campaignBody('acct-full') },
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
      body: JSON.stringify(campaignBody('acct-full')),
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
