import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TENANT, migrateMysql } from '../../kit/index.js';
import {
  createTestMysqlDatabase,
  expectProblem,
  PROBLEM,
  TEST_REDIS_URL,
  TEST_TENANT,
} from '../../test-support/index.js';
import { buildBusiness } from '../app.js';
import { loadBusinessConfig } from '../config.js';
import { MAX_OPEN_ORDERS_PER_SUBSCRIPTION } from '../domain/payment.js';
import { businessMigrations } from '../infrastructure/migrations.js';
import { migrateBusiness } from '../migrate.js';
import { type BusinessHarness, DECLINED_AMOUNT, startBusinessHarness } from './harness.js';
import { businessCalls } from './paypal/paypal-flow.js';

const base = '/api/business/v1';
const ADMIN = ['business:admin', 'business:read'];
const FINANCE = ['business:payments', 'business:read'];
let h: BusinessHarness;

beforeAll(async () => {
  h = await startBusinessHarness('business');
});

afterAll(async () => {
  await h?.close();
});

const sql = <T>(query: string, params: unknown[] = []) => h.sql<T>(query, params);

/** A USD plan with two features (the PayPal tests' defaults otherwise). */
const createPlan = (id: string, overrides: Record<string, unknown> = {}) =>
  businessCalls(h).createPlan(id, {
    currency: 'USD',
    features: ['promptads.campaigns', 'promptcrm.leads'],
    ...overrides,
  });

const subscribe = (tenant: string, planId: string) => businessCalls(h).subscribe(tenant, planId);

const startPayment = (tenant: string, subscriptionId: string, key: string = randomUUID()) =>
  h.call({
    method: 'POST',
    url: `${base}/payments`,
    tenant,
    headers: { 'idempotency-key': key },
    payload: { subscriptionId },
  });

const changePayment = (
  tenant: string,
  paymentId: string,
  action: 'capture' | 'refund' | 'cancel',
  key: string = randomUUID(),
  scopes = FINANCE,
) =>
  h.call({
    method: 'POST',
    url: `${base}/payments/${paymentId}/${action}`,
    tenant,
    scopes,
    headers: { 'idempotency-key': key },
  });

/** Subscribes the tenant and pays the first order: the subscription is active afterwards. */
async function activeSubscription(tenant: string, planId: string) {
  const subscription = await subscribe(tenant, planId);
  const payment = (await startPayment(tenant, subscription.id)).json();
  expect((await changePayment(tenant, payment.id, 'capture')).json().status).toBe('captured');
  return { subscription, payment };
}

const entitlement = (tenant: string, feature: string, accountId = tenant) =>
  h.call({ method: 'GET', url: `${base}/accounts/${accountId}/entitlements/${feature}`, tenant });

describe('migrations', () => {
  it('are idempotent: a second run applies nothing', async () => {
    const again = await migrateBusiness(h.database.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(businessMigrations.map((m) => m.version));
  });

  it('give every customer table a NOT NULL tenant_id', async () => {
    const columns = await sql<{ TABLE_NAME: string; IS_NULLABLE: string }>(
      `SELECT TABLE_NAME, IS_NULLABLE FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'tenant_id'`,
    );
    expect(columns.sort((a, b) => a.TABLE_NAME.localeCompare(b.TABLE_NAME))).toEqual(
      ['idempotency_keys', 'payment_transitions', 'payments', 'provider_events', 'subscriptions'].map(
        (table) => ({
          TABLE_NAME: table,
          IS_NULLABLE: 'NO',
        }),
      ),
    );
  });
});

describe('the tenancy migration', () => {
  it('moves rows written before tenancy under the default tenant', async () => {
    const legacy = await createTestMysqlDatabase('business legacy');
    try {
      await migrateMysql(
        legacy.url,
        businessMigrations.filter((m) => m.version < 4),
      );
      const connection = await createConnection({ uri: legacy.url });
      try {
        await connection.query(
          `INSERT INTO plans VALUES ('old', 'Old', 100, 'USD', 'monthly', 1, NOW(3), NOW(3))`,
        );
        await connection.query(
          `INSERT INTO subscriptions (id, account_id, plan_id, status, started_at, created_at)
           VALUES ('00000000-0000-4000-8000-000000000001', 'Legacy_Account', 'old', 'active', NOW(3), NOW(3)),
                  ('00000000-0000-4000-8000-000000000002', 'other_account', 'old', 'active', NOW(3), NOW(3))`,
        );
        await migrateBusiness(legacy.url);
        const [rows] = await connection.query(
          'SELECT account_id, tenant_id, status FROM subscriptions ORDER BY id',
        );
        expect(rows).toEqual([
          { account_id: 'Legacy_Account', tenant_id: DEFAULT_TENANT, status: 'active' },
          { account_id: 'other_account', tenant_id: DEFAULT_TENANT, status: 'active' },
        ]);
      } finally {
        await connection.end();
      }
    } finally {
      await legacy.drop();
    }
  });
});

describe('plans (the catalogue)', () => {
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
      scopes: ADMIN,
      tenant: null,
      payload: { priceCents: 9900 },
    });
    expect(patched.json()).toMatchObject({ priceCents: 9900 });

    // Any tenant reads the catalogue.
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
    const admin = { scopes: ADMIN, tenant: null };
    const duplicate = await h.call({
      method: 'POST',
      url: `${base}/plans`,
      ...admin,
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

    const unknown = await h.call({
      method: 'PATCH',
      url: `${base}/plans/dup`,
      ...admin,
      payload: { discount: 10 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      { in: 'body', field: '/discount', message: 'is not an allowed field' },
    ]);

    const wrongType = await h.call({
      method: 'PATCH',
      url: `${base}/plans/dup`,
      ...admin,
      payload: { priceCents: '10' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0]).toMatchObject({ field: '/priceCents', message: 'must be integer' });

    const missing = await h.call({ method: 'GET', url: `${base}/plans/nope` });
    expect(expectProblem(missing, 404)).toMatchObject({
      detail: 'plan nope does not exist',
      requestId: expect.any(String),
    });

    const oversized = await h.call({
      method: 'PATCH',
      url: `${base}/plans/dup`,
      ...admin,
      payload: { name: 'x'.repeat(5000) },
    });
    expect(oversized.statusCode).toBe(413);

    const badPage = await h.call({ method: 'GET', url: `${base}/plans?limit=500` });
    expect(badPage.statusCode).toBe(400);
  });
});

describe('finding 2: admin and finance actions need their own scopes', () => {
  it('refuses plan creation, repricing and deactivation to a tenant’s write scope, changing nothing', async () => {
    await createPlan('enterprise', { priceCents: 99_900 });
    const create = await h.call({
      method: 'POST',
      url: `${base}/plans`,
      payload: {
        id: 'free-lunch',
        name: 'x',
        priceCents: 0,
        currency: 'USD',
        billingPeriod: 'monthly',
        features: [],
      },
    });
    expect(expectProblem(create, 403).missingScopes).toEqual(['business:admin']);
    for (const payload of [{ priceCents: 0 }, { active: false }]) {
      const patch = await h.call({ method: 'PATCH', url: `${base}/plans/enterprise`, payload });
      expect(expectProblem(patch, 403).missingScopes).toEqual(['business:admin']);
    }
    const stored = await sql<{ price_cents: number; active: number }>(
      'SELECT price_cents, active FROM plans WHERE id = ?',
      ['enterprise'],
    );
    expect(stored).toEqual([{ price_cents: 99_900, active: 1 }]);
    expect(await sql('SELECT id FROM plans WHERE id = ?', ['free-lunch'])).toEqual([]);
  });

  it('refuses capture, refund and cancel of payments to the write scope, without touching the provider', async () => {
    await createPlan('bfla');
    const subscription = await subscribe('acct-bfla', 'bfla');
    const payment = (await startPayment('acct-bfla', subscription.id)).json();
    const before = h.gateway.calls.length;
    for (const action of ['capture', 'refund', 'cancel'] as const) {
      const response = await changePayment('acct-bfla', payment.id, action, randomUUID(), [
        'business:read',
        'business:write',
      ]);
      expect(expectProblem(response, 403).missingScopes).toEqual(['business:payments']);
    }
    expect(h.gateway.calls.length).toBe(before);
  });

  it('gives the PromptAds service client the entitlements facade and nothing else', async () => {
    const service = { scopes: ['business:entitlements', 'business:delegate'], tenant: null };
    const asTenant = { 'x-tenant-id': TEST_TENANT };
    const payments = await h.call({ method: 'GET', url: `${base}/payments`, ...service, headers: asTenant });
    expect(expectProblem(payments, 403).missingScopes).toEqual(['business:read']);
    const facade = await h.call({
      method: 'GET',
      url: `${base}/accounts/${TEST_TENANT}/entitlements/promptads.campaigns`,
      ...service,
      headers: asTenant,
    });
    expect(facade.statusCode).toBe(200);
  });
});

describe('subscriptions and the entitlements facade', () => {
  it('allows the features of the paid-up plan only', async () => {
    await createPlan('growth', { features: ['promptads.campaigns'] });
    const { subscription } = await activeSubscription('acct-1', 'growth');
    expect(subscription).toMatchObject({
      accountId: 'acct-1',
      planId: 'growth',
      status: 'pending',
      cancelledAt: null,
    });

    const allowed = await entitlement('acct-1', 'promptads.campaigns');
    expect(allowed.json()).toEqual({
      accountId: 'acct-1',
      feature: 'promptads.campaigns',
      allowed: true,
      planId: 'growth',
      reason: 'plan-includes-feature',
    });
    const denied = await entitlement('acct-1', 'promptcontent.video');
    expect(denied.json()).toMatchObject({ allowed: false, reason: 'plan-excludes-feature' });
    const nobody = await entitlement('acct-none', 'promptads.campaigns');
    expect(nobody.json()).toMatchObject({ allowed: false, planId: null, reason: 'no-active-subscription' });
    const all = await h.call({
      method: 'GET',
      url: `${base}/accounts/acct-1/entitlements`,
      tenant: 'acct-1',
    });
    expect(all.json()).toEqual({ accountId: 'acct-1', planId: 'growth', features: ['promptads.campaigns'] });
  });

  it('keeps one open subscription per account, lists by filter and cancels', async () => {
    await createPlan('solo');
    const first = await subscribe('acct-2', 'solo');
    const second = await h.call({
      method: 'POST',
      url: `${base}/subscriptions`,
      tenant: 'acct-2',
      payload: { accountId: 'acct-2', planId: 'solo' },
    });
    expect(second.statusCode).toBe(409);

    const listed = await h.call({
      method: 'GET',
      url: `${base}/subscriptions?status=pending`,
      tenant: 'acct-2',
    });
    expect(listed.json().items.map((s: { id: string }) => s.id)).toEqual([first.id]);
    const fetched = await h.call({
      method: 'GET',
      url: `${base}/subscriptions/${first.id}`,
      tenant: 'acct-2',
    });
    expect(fetched.json()).toEqual(first);

    const cancelled = await h.call({
      method: 'POST',
      url: `${base}/subscriptions/${first.id}/cancel`,
      tenant: 'acct-2',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect((await subscribe('acct-2', 'solo')).status).toBe('pending');

    const bad = await h.call({ method: 'GET', url: `${base}/subscriptions?status=paused` });
    expect(bad.statusCode).toBe(400);
    const unknownPlan = await h.call({
      method: 'POST',
      url: `${base}/subscriptions`,
      tenant: 'acct-2b',
      payload: { planId: 'no-such-plan' },
    });
    expect(unknownPlan.statusCode).toBe(422);
    expect(unknownPlan.json().errors).toEqual([
      { in: 'body', field: '/planId', message: 'plan no-such-plan does not exist' },
    ]);
  });

  it('serves plans from Redis and invalidates them on write', async () => {
    const redis = new Redis(TEST_REDIS_URL);
    try {
      await createPlan('cached', { features: ['promptads.campaigns', 'promptads.experiments'] });
      await activeSubscription('acct-3', 'cached');
      expect((await entitlement('acct-3', 'promptads.experiments')).json().allowed).toBe(true);
      const planKey = `${h.redisPrefix}cache:business:plan:cached`;
      const tenantKey = `${h.redisPrefix}cache:business:tenant:acct-3`;
      expect(JSON.parse((await redis.get(planKey))!).features).toContain('promptads.experiments');
      expect(JSON.parse((await redis.hget(tenantKey, 'granted-plan'))!)).toBe('cached');
      expect(await redis.ttl(planKey)).toBeGreaterThan(0);
      // The tenant's answers expire after ENTITLEMENT_CACHE_TTL_SECONDS (30 s by default).
      expect(await redis.ttl(tenantKey)).toBeGreaterThan(0);
      expect(await redis.ttl(tenantKey)).toBeLessThanOrEqual(30);

      // A cached answer really is served from Redis: change the row behind the cache's back...
      await sql('DELETE FROM plan_features WHERE plan_id = ? AND feature = ?', [
        'cached',
        'promptads.experiments',
      ]);
      expect((await entitlement('acct-3', 'promptads.experiments')).json().allowed).toBe(true);

      // ...while a write through the API invalidates the entry.
      await h.call({
        method: 'PATCH',
        url: `${base}/plans/cached`,
        scopes: ADMIN,
        tenant: null,
        payload: { features: ['promptads.campaigns'] },
      });
      expect(await redis.get(planKey)).toBeNull();
      expect((await entitlement('acct-3', 'promptads.experiments')).json()).toMatchObject({
        allowed: false,
        reason: 'plan-excludes-feature',
      });
    } finally {
      redis.disconnect();
    }
  });
});

describe('finding 3: features only once paid, and not after cancelling', () => {
  it('keeps a new subscription pending until its first payment is captured, and cancelling ends it at once', async () => {
    await createPlan('unpaid-first', { features: ['promptads.campaigns'] });
    const subscription = await subscribe('acct-trial', 'unpaid-first');
    expect(subscription.status).toBe('pending');
    expect((await entitlement('acct-trial', 'promptads.campaigns')).json()).toMatchObject({
      allowed: false,
      reason: 'no-active-subscription',
    });

    const payment = (await startPayment('acct-trial', subscription.id)).json();
    expect((await changePayment('acct-trial', payment.id, 'capture')).statusCode).toBe(200);
    const active = await h.call({
      method: 'GET',
      url: `${base}/subscriptions/${subscription.id}`,
      tenant: 'acct-trial',
    });
    expect(active.json().status).toBe('active');
    // The cached "no plan" answer was dropped when the capture activated the subscription.
    expect((await entitlement('acct-trial', 'promptads.campaigns')).json().allowed).toBe(true);

    await h.call({
      method: 'POST',
      url: `${base}/subscriptions/${subscription.id}/cancel`,
      tenant: 'acct-trial',
    });
    expect((await entitlement('acct-trial', 'promptads.campaigns')).json()).toMatchObject({
      allowed: false,
      reason: 'no-active-subscription',
    });
  });

  it('does not activate a subscription whose capture was declined', async () => {
    await createPlan('declined', { priceCents: DECLINED_AMOUNT, features: ['promptads.campaigns'] });
    const subscription = await subscribe('acct-declined', 'declined');
    const payment = (await startPayment('acct-declined', subscription.id)).json();
    const failed = await changePayment('acct-declined', payment.id, 'capture');
    expect(failed.json()).toMatchObject({ status: 'failed' });
    expect(failed.json().transitions[1].reason).toBe('declined: INSTRUMENT_DECLINED');
    expect((await entitlement('acct-declined', 'promptads.campaigns')).json().allowed).toBe(false);
  });
});

describe('finding 1: one tenant cannot read or change another tenant’s data', () => {
  it('answers 404 to every cross-tenant read and write, and changes nothing', async () => {
    await createPlan('victim-plan', { features: ['promptads.campaigns'] });
    const { subscription, payment } = await activeSubscription('victim', 'victim-plan');
    const attacker = { tenant: 'attacker' };

    const reads = [
      `${base}/subscriptions/${subscription.id}`,
      `${base}/payments/${payment.id}`,
      `${base}/accounts/victim/entitlements`,
      `${base}/accounts/victim/entitlements/promptads.campaigns`,
    ];
    for (const url of reads) {
      expectProblem(await h.call({ method: 'GET', url, ...attacker }), 404);
    }
    const cancel = await h.call({
      method: 'POST',
      url: `${base}/subscriptions/${subscription.id}/cancel`,
      ...attacker,
    });
    expectProblem(cancel, 404);
    expectProblem(await changePayment('attacker', payment.id, 'refund'), 404);
    const subscribeAsVictim = await h.call({
      method: 'POST',
      url: `${base}/subscriptions`,
      ...attacker,
      payload: { accountId: 'victim', planId: 'victim-plan' },
    });
    expectProblem(subscribeAsVictim, 404);
    const payForVictim = await startPayment('attacker', subscription.id);
    expectProblem(payForVictim, 422);

    for (const list of [`${base}/subscriptions`, `${base}/payments`]) {
      expect((await h.call({ method: 'GET', url: list, ...attacker })).json().items).toEqual([]);
    }
    const [stored] = await sql<{ status: string }>('SELECT status FROM subscriptions WHERE id = ?', [
      subscription.id,
    ]);
    expect(stored?.status).toBe('active');
    const [storedPayment] = await sql<{ status: string }>('SELECT status FROM payments WHERE id = ?', [
      payment.id,
    ]);
    expect(storedPayment?.status).toBe('captured');
    expect(await sql('SELECT id FROM subscriptions WHERE tenant_id = ?', ['attacker'])).toEqual([]);
  });

  it('answers 403 to a token without a tenant on tenant data', async () => {
    const response = await h.call({ method: 'GET', url: `${base}/subscriptions`, tenant: null });
    expect(expectProblem(response, 403).type).toMatch(/tenant-required$/);
  });
});

describe('finding 7: payments are idempotent, locked and bounded', () => {
  it('requires an Idempotency-Key on every payment-changing POST', async () => {
    await createPlan('keys');
    const subscription = await subscribe('acct-keys', 'keys');
    const noKey = await h.call({
      method: 'POST',
      url: `${base}/payments`,
      tenant: 'acct-keys',
      payload: { subscriptionId: subscription.id },
    });
    expect(expectProblem(noKey, 400).detail).toBe('Idempotency-Key header is required on this request');
    const payment = (await startPayment('acct-keys', subscription.id)).json();
    for (const action of ['capture', 'refund', 'cancel']) {
      const response = await h.call({
        method: 'POST',
        url: `${base}/payments/${payment.id}/${action}`,
        tenant: 'acct-keys',
        scopes: FINANCE,
      });
      expectProblem(response, 400);
    }
  });

  it('replays the first answer for a repeated key, and refuses the key for another request', async () => {
    await createPlan('replay');
    const subscription = await subscribe('acct-replay', 'replay');
    const orders = () => h.gateway.calls.filter((call) => call.operation === 'createOrder').length;
    const before = orders();
    const first = await startPayment('acct-replay', subscription.id, 'order-1');
    const again = await startPayment('acct-replay', subscription.id, 'order-1');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(orders()).toBe(before + 1);

    const other = await subscribe('acct-replay-2', 'replay');
    // Keys are per tenant: the same key in another tenant is another request.
    expect((await startPayment('acct-replay-2', other.id, 'order-1')).statusCode).toBe(201);
    const reused = await startPayment('acct-replay', other.id, 'order-1');
    expect(expectProblem(reused, 422).detail).toBe(
      'Idempotency-Key was already used for a different request',
    );
  });

  it('asks the provider once when eight refunds (or captures) of one payment race', async () => {
    await createPlan('race', { priceCents: 2500 });
    const subscription = await subscribe('acct-race', 'race');
    const payment = (await startPayment('acct-race', subscription.id)).json();
    const count = (operation: string) =>
      h.gateway.calls.filter((call) => call.operation === operation).length;

    const capturesBefore = count('captureOrder');
    const captures = await Promise.all(
      Array.from({ length: 8 }, () => changePayment('acct-race', payment.id, 'capture')),
    );
    expect(captures.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(count('captureOrder') - capturesBefore).toBe(1);

    const refundsBefore = count('refundCapture');
    const refunds = await Promise.all(
      Array.from({ length: 8 }, () => changePayment('acct-race', payment.id, 'refund')),
    );
    expect(refunds.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(count('refundCapture') - refundsBefore).toBe(1);
    const transitions = await sql<{ to_status: string }>(
      'SELECT to_status FROM payment_transitions WHERE payment_id = ? ORDER BY id',
      [payment.id],
    );
    expect(transitions.map((row) => row.to_status)).toEqual(['created', 'captured', 'refunded']);
  });

  it(`limits a subscription to ${MAX_OPEN_ORDERS_PER_SUBSCRIPTION} open orders, even when requests race`, async () => {
    await createPlan('orders');
    const subscription = await subscribe('acct-orders', 'orders');
    const attempts = await Promise.all(
      Array.from({ length: MAX_OPEN_ORDERS_PER_SUBSCRIPTION + 3 }, () =>
        startPayment('acct-orders', subscription.id),
      ),
    );
    const created = attempts.filter((r) => r.statusCode === 201);
    expect(created).toHaveLength(MAX_OPEN_ORDERS_PER_SUBSCRIPTION);
    expect(attempts.filter((r) => r.statusCode === 409)).toHaveLength(3);
    // Cancelling one frees a slot.
    expect((await changePayment('acct-orders', created[0]!.json().id, 'cancel')).json().status).toBe(
      'cancelled',
    );
    expect((await startPayment('acct-orders', subscription.id)).statusCode).toBe(201);
  });
});

describe('payments through the PayPal port', () => {
  it('captures and refunds, storing every state transition', async () => {
    await createPlan('paid', { priceCents: 1999 });
    const subscription = await subscribe('acct-pay', 'paid');
    const created = await startPayment('acct-pay', subscription.id);
    expect(created.statusCode).toBe(201);
    const payment = created.json();
    expect(payment).toMatchObject({
      status: 'created',
      amountCents: 1999,
      currency: 'USD',
      provider: 'paypal',
    });

    const captured = await changePayment('acct-pay', payment.id, 'capture');
    expect(captured.json().status).toBe('captured');
    const refunded = await changePayment('acct-pay', payment.id, 'refund');
    expect(
      refunded.json().transitions.map((t: { from: string | null; to: string }) => [t.from, t.to]),
    ).toEqual([
      [null, 'created'],
      ['created', 'captured'],
      ['captured', 'refunded'],
    ]);
    expect(h.gateway.calls.map((call) => call.operation).slice(-3)).toEqual([
      'createOrder',
      'captureOrder',
      'refundCapture',
    ]);

    const again = await changePayment('acct-pay', payment.id, 'capture');
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toBe(PROBLEM);

    const listed = await h.call({
      method: 'GET',
      url: `${base}/payments?status=refunded`,
      tenant: 'acct-pay',
    });
    expect(listed.json().items.map((p: { id: string }) => p.id)).toEqual([payment.id]);
    const fetched = await h.call({
      method: 'GET',
      url: `${base}/payments/${payment.id}`,
      tenant: 'acct-pay',
    });
    expect(fetched.json()).toEqual(refunded.json());
  });

  it('answers 503 and writes nothing when the provider is unavailable', async () => {
    await createPlan('outage');
    const subscription = await subscribe('acct-outage', 'outage');
    const before = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM payments');
    h.gateway.failNextCall();
    const response = await startPayment('acct-outage', subscription.id);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ dependency: 'paypal' });
    expect(await sql<{ n: number }>('SELECT COUNT(*) AS n FROM payments')).toEqual(before);
  });
});

describe('finding 5: rate limits per tenant, also for calls made on a tenant’s behalf', () => {
  it('stops one tenant’s delegated calls without stopping another tenant’s', async () => {
    await createPlan('limited', { features: ['promptads.campaigns'] });
    const { app } = await buildBusiness(
      loadBusinessConfig({
        LOG_LEVEL: 'silent',
        PORT: '0',
        DATABASE_URL: h.database.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: `${h.redisPrefix}limits:`,
        OIDC_ISSUER: h.issuer.issuer,
        OIDC_AUDIENCE: 'api://promptsales',
        OIDC_JWKS_URL: h.issuer.jwksUrl,
        RATE_LIMIT_MAX: '3',
      }),
    );
    try {
      // One service client (as PromptAds has) calls for every tenant; each call names its tenant.
      const token = await h.issuer.token({
        subject: 'promptads',
        scopes: ['business:entitlements', 'business:delegate'],
      });
      const check = (tenant: string) =>
        app.inject({
          method: 'GET',
          url: `${base}/accounts/${tenant}/entitlements/promptads.campaigns`,
          headers: { authorization: `Bearer ${token}`, 'x-tenant-id': tenant },
        });
      const noisy = [];
      for (let i = 0; i < 4; i++) noisy.push((await check('noisy-tenant')).statusCode);
      expect(noisy).toEqual([200, 200, 200, 429]);
      expect((await check('quiet-tenant')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
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
      const headers = { authorization: `Bearer ${await h.token(undefined, 'acct-unpaid')}` };
      const before = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM payments');
      const payment = await app.inject({
        method: 'POST',
        url: `${base}/payments`,
        headers: { ...headers, 'idempotency-key': randomUUID() },
        payload: { subscriptionId: subscription.id },
      });
      expect(payment.statusCode).toBe(503);
      expect(payment.json()).toMatchObject({
        dependency: 'paypal',
        detail: 'no payment gateway is configured (PAYMENT_GATEWAY=disabled)',
      });
      expect(await sql<{ n: number }>('SELECT COUNT(*) AS n FROM payments')).toEqual(before);
      const entitlements = await app.inject({
        method: 'GET',
        url: `${base}/accounts/acct-unpaid/entitlements`,
        headers,
      });
      expect(entitlements.json()).toEqual({ accountId: 'acct-unpaid', planId: null, features: [] });
    } finally {
      await app.close();
    }
  });
});

describe('over a real socket', () => {
  it('serves the entitlements facade over HTTP', async () => {
    await createPlan('socket', { features: ['promptads.campaigns'] });
    await activeSubscription('acct-socket', 'socket');
    const address = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${address}${base}/accounts/acct-socket/entitlements/promptads.campaigns`, {
      headers: { authorization: `Bearer ${await h.token(['business:entitlements'], 'acct-socket')}` },
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
    await activeSubscription('acct-no-cache', 'no-cache');
    await h.redisProxy.cut();
    try {
      const response = await entitlement('acct-no-cache', 'promptads.campaigns');
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
