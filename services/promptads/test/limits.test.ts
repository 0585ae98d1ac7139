import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../kit/index.js';
import { expectProblem, TEST_TENANT } from '../../test-support/index.js';
import { type AdsHarness, startAdsHarness } from './harness.js';

const base = '/api/promptads/v1';
let h: AdsHarness;
let campaignId: string;

const campaignBody = {
  name: 'Autumn launch',
  objective: 'leads',
  kpis: [{ metric: 'ctr', target: 0.02 }],
  channels: ['meta-ads'],
  formats: ['image'],
  budget: { amountCents: 500000, currency: 'USD', period: 'lifetime' },
  startDate: '2026-10-01',
  endDate: '2026-10-31',
};

/** Sends `body` as raw JSON text, so escapes such as `\ud800` reach the server as written. */
const postRaw = (url: string, body: string, headers: Record<string, string> = {}) =>
  h.call({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: body });

beforeAll(async () => {
  h = await startAdsHarness('promptads_limits');
  await h.entitle(TEST_TENANT, ['promptads.campaigns', 'promptads.experiments']);
  const created = await h.call({ method: 'POST', url: `${base}/campaigns`, payload: campaignBody });
  expect(created.statusCode, created.body).toBe(201);
  campaignId = created.json().id;
});

afterAll(async () => {
  await h?.close();
});

describe('finding 6: crafted input answers 400, never 500', () => {
  it.each([
    ['a NUL in a text column', { name: 'Autumn\u0000launch' }, '/name'],
    ['a lone surrogate that would reach JSONB', { name: '\ud800' }, '/name'],
    ['year 0000', { startDate: '0000-01-01' }, '/startDate'],
    ['a day that does not exist', { startDate: '2026-02-30' }, '/startDate'],
  ])('rejects %s in a new campaign', async (_label, overrides, field) => {
    const response = await postRaw(`${base}/campaigns`, JSON.stringify({ ...campaignBody, ...overrides }));
    expect(expectProblem(response, 400).errors[0].field).toBe(field);
    const rows = await h.sql<{ count: number }>(
      "SELECT count(*)::int AS count FROM campaigns WHERE name <> 'Autumn launch'",
    );
    expect(rows).toEqual([{ count: 0 }]);
  });

  it.each([
    // 1e20 is an integer to JSON Schema but overflows bigint (max 9,223,372,036,854,775,807).
    ['bidCapCents', '1e20'],
    ['dailyBudgetCents', '9223372036854775808'],
    // 2^53: a bigint would hold it, but JavaScript cannot carry it exactly.
    ['dailyBudgetCents', '9007199254740992'],
  ])('rejects %s = %s, over what the column and JSON carry exactly', async (field, value) => {
    const response = await postRaw(
      `${base}/campaigns/${campaignId}/bidding-rules`,
      `{"channel":"meta-ads","strategy":"target-cpa","bidCapCents":${field === 'bidCapCents' ? value : 'null'},"dailyBudgetCents":${field === 'dailyBudgetCents' ? value : '100'}}`,
    );
    expect(expectProblem(response, 400).errors[0].field).toBe(`/${field}`);
  });

  it('accepts the largest safe amount', async () => {
    const response = await postRaw(
      `${base}/campaigns/${campaignId}/bidding-rules`,
      '{"channel":"meta-ads","strategy":"target-cpa","bidCapCents":9007199254740991,"dailyBudgetCents":100}',
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().bidCapCents).toBe(Number.MAX_SAFE_INTEGER);
  });

  const lists = () => [
    `${base}/campaigns`,
    `${base}/campaigns/${campaignId}/audiences`,
    `${base}/campaigns/${campaignId}/bidding-rules`,
    `${base}/campaigns/${campaignId}/experiments`,
  ];
  const uuid = '00000000-0000-4000-8000-000000000000';

  it.each([
    ['an impossible date', encodeCursor({ sortKey: '2026-02-31T25:61:00Z', id: uuid })],
    ['year 0000', encodeCursor({ sortKey: '0000-01-01T00:00:00Z', id: uuid })],
    ['a leap second', encodeCursor({ sortKey: '2016-12-31T23:59:60Z', id: uuid })],
    [
      'JSON the server never writes',
      Buffer.from(`[ "2026-01-01T00:00:00Z", "${uuid}" ]`).toString('base64url'),
    ],
  ])('answers 400 to a cursor with %s on each of the four lists by creation time', async (_label, cursor) => {
    for (const url of lists()) {
      const response = await h.call({ method: 'GET', url: `${url}?cursor=${cursor}` });
      expect(expectProblem(response, 400).errors, url).toEqual([
        { in: 'querystring', field: '/cursor', message: 'is not a valid cursor' },
      ]);
    }
  });

  it('answers 400 to a compliance-log cursor over bigint', async () => {
    const cursor = encodeCursor({ sortKey: '9'.repeat(19), id: '9'.repeat(19) });
    const response = await h.call({
      method: 'GET',
      url: `${base}/campaigns/${campaignId}/compliance-log?cursor=${cursor}`,
    });
    expectProblem(response, 400);
  });

  it('still pages with the cursors it minted', async () => {
    await h.call({ method: 'POST', url: `${base}/campaigns`, payload: campaignBody });
    const first = await h.call({ method: 'GET', url: `${base}/campaigns?limit=1` });
    const next = first.json().nextCursor;
    expect(next).toEqual(expect.any(String));
    const second = await h.call({ method: 'GET', url: `${base}/campaigns?limit=1&cursor=${next}` });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().items[0].id).not.toBe(first.json().items[0].id);
  });
});

describe('finding 8: the compliance log records the server’s request id', () => {
  it('writes its own id, not the one the client chose', async () => {
    const response = await h.call({
      method: 'POST',
      url: `${base}/campaigns`,
      headers: { 'x-request-id': 'chosen-by-client' },
      payload: campaignBody,
    });
    expect(response.statusCode).toBe(201);
    const rows = await h.sql<{ request_id: string }>(
      'SELECT request_id FROM compliance_log WHERE campaign_id = $1',
      [response.json().id],
    );
    expect(rows).toEqual([{ request_id: response.headers['x-request-id'] }]);
    expect(rows[0]?.request_id).not.toBe('chosen-by-client');
  });
});
