import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM, TEST_REDIS_URL } from '../../test-support/index.js';
import { buildBusiness } from '../app.js';
import { loadBusinessConfig } from '../config.js';
import { businessMigrations } from '../infrastructure/migrations.js';
import { migrateBusiness } from '../migrate.js';
import { type BusinessHarness, DECLINED_AMOUNT, startBusinessHarness } from './harness.js';

const base = '/api/business/v1';
let h: BusinessHarness;

beforeAll(async () => {
  h = await startBusinessHarness('business');
});

afterAll(async () => {
  await h?.close();
});

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  const connection = await createConnection({ uri: h.database.url });
  try {
    const [rows] = await connection.query(query, params);
    return rows as T[];
  } finally {
    await connection.end();
  }
}

async function createPlan(id: string, overrides: Record<string, unknown> = {}) {
  const response = await h.call({
    method: 'POST',
    url: `${base}/plans`,
    payload: {
      id,
      name: `Plan ${id}`,
      priceCents: 4900,
      currency: 'USD',
      billingPeriod: 'monthly',
      features: ['promptads.campaigns', 'promptcrm.leads'],
      ...overrides,
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function subscribe(accountId: string, planId: string) {
  const response = await h.call({
    method: 'POST',
    url: `${base}/subscriptions`,
    payload: { accountId, planId },
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('migrations', () => {
  it('are idempotent: a second run applies nothing', async () => {
    const again = await migrateBusiness(h.database.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(businessMigrations.map((m) => m.version));
  });
});

describe('plans', () => {
  it('creates, reads back from the database, updates and lists with filters and pages', async () => {
    const plan = await createPlan('starter');
    expect(plan).toMatchObject({
      id: 'starter',
      active: true,
      features: ['promptads.campaigns', 'promptcrm.leads'],
    });
    const stored = await sql<{ feature: string }>(
      'SELECT feature FROM plan_features WHERE plan_id = ? ORDER BY feature',
      ['starter'],
    );
    expect(stored.map((row) => row.feature)).toEqual(['promptads.campaigns', 'promptcrm.leads']);

    await createPlan('pro');
    await createPlan('legacy', { active: false });
    const patched = await h.call({
      method: 'PATCH',
      url: `${base}/plans/pro`,
      payload: { priceCents: 9900 },
    });
    expect(patched.json()).toMatchObject({ priceCents: 9900 });

    const activeFirstPage = await h.call({ method: 'GET', url: `${base}/plans?active=true&limit=1` });
    expect(activeFirstPage.json().items.map((p: { id: string }) => p.id)).toEqual(['pro']);
    const next = await h.call({
      method: 'GET',
      url: `${base}/plans?active=true&limit=1&cursor=${activeFirstPage.json().nextCursor}`,
    });
    expect(next.json().items.map((p: { id: string }) => p.id)).toEqual(['starter']);
    const inactive = await h.call({ method: 'GET', url: `${base}/plans?active=false` });
    expect(inactive.json()).toMatchObject({ items: [{ id: 'legacy' }], nextCursor: null });
  });

  it('rejects duplicates, unknown fields, wrong types and missing plans as problem+json', async () => {
    await createPlan('dup');
    const duplicate = await h.call({
      method: 'POST',
      url: `${base}/plans`,
      payload: {
        id: 'dup',
        name: 'x',
        priceCents: 1,
        currency: 'USD',
        billingPeriod: 'monthly',
        features: [],
      },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.headers['content-type']).toBe(PROBLEM);

    const unknown = await h.call({ method: 'PATCH', url: `${base}/plans/dup`, payload: { discount: 10 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      { in: 'body', field: '/discount', message: 'is not an allowed field' },
    ]);

    const wrongType = await h.call({
      method: 'PATCH',
      url: `${base}/plans/dup`,
      payload: { priceCents: '10' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0]).toMatchObject({ field: '/priceCents', message: 'must be integer' });

    const missing = await h.call({ method: 'GET', url: `${base}/plans/nope` });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe(PROBLEM);
    expect(missing.json()).toMatchObject({
      status: 404,
      detail: 'plan nope does not exist',
      requestId: expect.any(String),
    });

    const oversized = await h.call({
      method: 'PATCH',
      url: `${base}/plans/dup`,
      payload: { name: 'x'.repeat(5000) },
    });
    expect(oversized.statusCode).toBe(413);

    const badPage = await h.call({ method: 'GET', url: `${base}/plans?limit=500` });
    expect(badPage.statusCode).toBe(400);
  });

  it('requires the write scope to change plans', async () => {
    const response = await h.call({
      method: 'PATCH',
      url: `${base}/plans/dup`,
      payload: { name: 'y' },
      scopes: ['business:read'],
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().missingScopes).toEqual(['business:write']);
  });
});

describe('subscriptions and the entitlements facade', () => {
  it('allows the features of the active plan only', async () => {
    await createPlan('growth', { features: ['promptads.campaigns'] });
    const subscription = await subscribe('acct-1', 'growth');
    expect(subscription).toMatchObject({
      accountId: 'acct-1',
      planId: 'growth',
      status: 'active',
      cancelledAt: null,
    });

    const allowed = await h.call({
      method: 'GET',
      url: `${base}/accounts/acct-1/entitlements/promptads.campaigns`,
    });
    expect(allowed.json()).toEqual({
      accountId: 'acct-1',
      feature: 'promptads.campaigns',
      allowed: true,
      planId: 'growth',
      reason: 'plan-includes-feature',
    });
    const denied = await h.call({
      method: 'GET',
      url: `${base}/accounts/acct-1/entitlements/promptcontent.video`,
    });
    expect(denied.json()).toMatchObject({ allowed: false, reason: 'plan-excludes-feature' });
    const nobody = await h.call({
      method: 'GET',
      url: `${base}/accounts/acct-none/entitlements/promptads.campaigns`,
    });
    expect(nobody.json()).toMatchObject({ allowed: false, planId: null, reason: 'no-active-subscription' });
    const all = await h.call({ method: 'GET', url: `${base}/accounts/acct-1/entitlements` });
    expect(all.json()).toEqual({ accountId: 'acct-1', planId: 'growth', features: ['promptads.campaigns'] });
  });

  it('keeps one active subscription per account, lists by filter and cancels', async () => {
    await createPlan('solo');
    const first = await subscribe('acct-2', 'solo');
    const second = await h.call({
      method: 'POST',
      url: `${base}/subscriptions`,
      payload: { accountId: 'acct-2', planId: 'solo' },
    });
    expect(second.statusCode).toBe(409);

    const listed = await h.call({
      method: 'GET',
      url: `${base}/subscriptions?accountId=acct-2&status=active`,
    });
    expect(listed.json().items.map((s: { id: string }) => s.id)).toEqual([first.id]);
    const fetched = await h.call({ method: 'GET', url: `${base}/subscriptions/${first.id}` });
    expect(fetched.json()).toEqual(first);

    const cancelled = await h.call({ method: 'POST', url: `${base}/subscriptions/${first.id}/cancel` });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect((await subscribe('acct-2', 'solo')).status).toBe('active');

    const bad = await h.call({ method: 'GET', url: `${base}/subscriptions?status=paused` });
    expect(bad.statusCode).toBe(400);
    const unknownPlan = await h.call({
      method: 'POST',
      url: `${base}/subscriptions`,
      payload: { accountId: 'acct-2b', planId: 'no-such-plan' },
    });
    expect(unknownPlan.statusCode).toBe(422);
    expect(unknownPlan.json().errors).toEqual([{ in: 'body', field: '/planId', message: 'does not exist' }]);
  });

  it('serves hot reads from Redis and invalidates them on write', async () => {
    const redis = new Redis(TEST_REDIS_URL);
    try {
      await createPlan('cached', { features: ['promptads.campaigns', 'promptads.experiments'] });
      await subscribe('acct-3', 'cached');
      const url = `${base}/accounts/acct-3/entitlements/promptads.experiments`;
      expect((await h.call({ method: 'GET', url })).json().allowed).toBe(true);
      const planKey = `${h.redisPrefix}cache:business:plan:cached`;
      const accountKey = `${h.redisPrefix}cache:business:account-plan:acct-3`;
      expect(JSON.parse((await redis.get(planKey))!).features).toContain('promptads.experiments');
      expect(JSON.parse((await redis.get(accountKey))!)).toBe('cached');
      expect(await redis.ttl(planKey)).toBeGreaterThan(0);

      // A cached answer really is served from Redis: change the row behind the cache's back...
      await sql('DELETE FROM plan_features WHERE plan_id = ? AND feature = ?', [
        'cached',
        'promptads.experiments',
      ]);
      expect((await h.call({ method: 'GET', url })).json().allowed).toBe(true);

      // ...while a write through the API invalidates the entry.
      await h.call({
        method: 'PATCH',
        url: `${base}/plans/cached`,
        payload: { features: ['promptads.campaigns'] },
      });
      expect(await redis.get(planKey)).toBeNull();
      expect((await h.call({ method: 'GET', url })).json()).toMatchObject({
        allowed: false,
        reason: 'plan-excludes-feature',
      });

      const [subscription] = (
        await h.call({ method: 'GET', url: `${base}/subscriptions?accountId=acct-3` })
      ).json().items;
      await h.call({ method: 'POST', url: `${base}/subscriptions/${subscription.id}/cancel` });
      expect(await redis.get(accountKey)).toBeNull();
      expect((await h.call({ method: 'GET', url })).json().reason).toBe('no-active-subscription');
    } finally {
      redis.disconnect();
    }
  });
});

describe('payments through the PayPal port', () => {
  it('captures and refunds, storing every state transition', async () => {
    await createPlan('paid', { priceCents: 1999 });
    const subscription = await subscribe('acct-pay', 'paid');
    const created = await h.call({
      method: 'POST',
      url: `${base}/payments`,
      payload: { subscriptionId: subscription.id },
    });
    expect(created.statusCode).toBe(201);
    const payment = created.json();
    expect(payment).toMatchObject({
      status: 'created',
      amountCents: 1999,
      currency: 'USD',
      provider: 'paypal',
    });

    const captured = await h.call({ method: 'POST', url: `${base}/payments/${payment.id}/capture` });
    expect(captured.json().status).toBe('captured');
    const refunded = await h.call({ method: 'POST', url: `${base}/payments/${payment.id}/refund` });
    expect(
      refunded.json().transitions.map((t: { from: string | null; to: string }) => [t.from, t.to]),
    ).toEqual([
      [null, 'created'],
      ['created', 'captured'],
      ['captured', 'refunded'],
    ]);
    const rows = await sql<{ to_status: string }>(
      'SELECT to_status FROM payment_transitions WHERE payment_id = ? ORDER BY id',
      [payment.id],
    );
    expect(rows.map((row) => row.to_status)).toEqual(['created', 'captured', 'refunded']);
    expect(h.gateway.calls.map((call) => call.operation).slice(-3)).toEqual([
      'createOrder',
      'captureOrder',
      'refundCapture',
    ]);

    const again = await h.call({ method: 'POST', url: `${base}/payments/${payment.id}/capture` });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toBe(PROBLEM);

    const listed = await h.call({
      method: 'GET',
      url: `${base}/payments?accountId=acct-pay&status=refunded`,
    });
    expect(listed.json().items.map((p: { id: string }) => p.id)).toEqual([payment.id]);
    const fetched = await h.call({ method: 'GET', url: `${base}/payments/${payment.id}` });
    expect(fetched.json()).toEqual(refunded.json());
  });

  it('records a declined capture as failed', async () => {
    await createPlan('declined', { priceCents: DECLINED_AMOUNT });
    const subscription = await subscribe('acct-declined', 'declined');
    const payment = (
      await h.call({ method: 'POST', url: `${base}/payments`, payload: { subscriptionId: subscription.id } })
    ).json();
    const failed = await h.call({ method: 'POST', url: `${base}/payments/${payment.id}/capture` });
    expect(failed.json()).toMatchObject({ status: 'failed' });
    expect(failed.json().transitions[1].reason).toBe('declined: INSTRUMENT_DECLINED');
  });

  it('answers 503 and writes nothing when the provider is unavailable', async () => {
    await createPlan('outage');
    const subscription = await subscribe('acct-outage', 'outage');
    const before = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM payments');
    h.gateway.failNextCall();
    const response = await h.call({
      method: 'POST',
      url: `${base}/payments`,
      payload: { subscriptionId: subscription.id },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ dependency: 'paypal' });
    expect(await sql<{ n: number }>('SELECT COUNT(*) AS n FROM payments')).toEqual(before);
  });
});

describe('without a configured payment gateway', () => {
  it('serves everything but payments, which answer 503 and write nothing', async () => {
    await createPlan('unpaid');
    const subscription = await subscribe('acct-unpaid', 'unpaid');
    const { app } = await buildBusiness(
      loadBusinessConfig({
        LOG_LEVEL: 'silent',
        PORT: '0',
        DATABASE_URL: h.database.url,
        REDIS_KEY_PREFIX: h.redisPrefix,
        OIDC_ISSUER: h.issuer.issuer,
        OIDC_AUDIENCE: 'api://promptsales',
        OIDC_JWKS_URL: h.issuer.jwksUrl,
      }),
    );
    try {
      const headers = { authorization: `Bearer ${await h.token()}` };
      const before = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM payments');
      const payment = await app.inject({
        method: 'POST',
        url: `${base}/payments`,
        headers,
        payload: { subscriptionId: subscription.id },
      });
      expect(payment.statusCode).toBe(503);
      expect(payment.json()).toMatchObject({
        dependency: 'paypal',
        detail: 'no payment gateway is configured (PAYMENT_GATEWAY=disabled)',
      });
      expect(await sql<{ n: number }>('SELECT COUNT(*) AS n FROM payments')).toEqual(before);
      const entitlement = await app.inject({
        method: 'GET',
        url: `${base}/accounts/acct-unpaid/entitlements`,
        headers,
      });
      expect(entitlement.json().planId).toBe('unpaid');
    } finally {
      await app.close();
    }
  });
});

describe('over a real socket', () => {
  it('serves the entitlements facade over HTTP', async () => {
    await createPlan('socket', { features: ['promptads.campaigns'] });
    await subscribe('acct-socket', 'socket');
    const address = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${address}${base}/accounts/acct-socket/entitlements/promptads.campaigns`, {
      headers: { authorization: `Bearer ${await h.token(['business:entitlements'])}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ allowed: true, planId: 'socket' });
    const unauthenticated = await fetch(`${address}${base}/plans`);
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('content-type')).toBe(PROBLEM);
  });
});

describe('Redis outage', () => {
  it('answers entitlements from the database while the cache is unreachable, and readiness names Redis', async () => {
    await createPlan('no-cache', { features: ['promptads.campaigns'] });
    await subscribe('acct-no-cache', 'no-cache');
    await h.redisProxy.cut();
    try {
      const response = await h.call({
        method: 'GET',
        url: `${base}/accounts/acct-no-cache/entitlements/promptads.campaigns`,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ allowed: true, planId: 'no-cache' });
      const ready = await h.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks).toEqual({ database: 'up', redis: 'down' });
    } finally {
      await h.redisProxy.restore();
    }
    await expect
      .poll(async () => (await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode, {
        timeout: 10_000,
      })
      .toBe(200);
  });
});

describe('database outage', () => {
  it('flips readiness to 503, answers 503 problem+json, and recovers without a restart', async () => {
    await h.proxy.cut();
    const ready = await h.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks).toEqual({ database: 'down', redis: 'up' });
    const request = await h.call({ method: 'GET', url: `${base}/subscriptions` });
    expect(request.statusCode).toBe(503);
    expect(request.headers['content-type']).toBe(PROBLEM);

    await h.proxy.restore();
    await expect
      .poll(async () => (await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode, {
        timeout: 10_000,
      })
      .toBe(200);
    expect((await h.call({ method: 'GET', url: `${base}/subscriptions` })).statusCode).toBe(200);
  });
});
