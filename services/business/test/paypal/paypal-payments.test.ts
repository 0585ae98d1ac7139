/**
 * Business with PAYMENT_GATEWAY=paypal, end to end through its HTTP API, against the PayPal stand-in
 * over real HTTP and a real MariaDB: create → approve → capture → webhook, declines, duplicate
 * invoices, PayPal down, refunds, retried requests, webhook verification and reconciliation.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, OTHER_TENANT, PayPalStandIn, TEST_TENANT } from '../../../test-support/index.js';
import { loadBusinessConfig } from '../../config.js';
import { reconcilePayments } from '../../reconcile.js';
import { type BusinessHarness, startBusinessHarness } from '../harness.js';
import { businessCalls, captureIdOf, payPalEnv, WEBHOOK_PATH } from './paypal-flow.js';

let standIn: PayPalStandIn;
let h: BusinessHarness;
let calls: ReturnType<typeof businessCalls>;
let webhookUrl: string;
let env: Record<string, string>;
let planId: string;

const silent = { info: () => undefined, warn: () => undefined };

beforeAll(async () => {
  standIn = await PayPalStandIn.start();
  env = payPalEnv(standIn);
  h = await startBusinessHarness('paypal_e2e', env);
  calls = businessCalls(h);
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  const address = h.app.server.address() as { port: number };
  webhookUrl = `http://127.0.0.1:${address.port}${WEBHOOK_PATH}`;
  planId = (await calls.createPlan('growth')).id;
});

afterEach(() => {
  expect(standIn.contractViolations).toEqual([]);
  standIn.autoApprove = true;
});

afterAll(async () => {
  await h?.close();
  await standIn?.close();
});

const sql = <T>(query: string, params: unknown[] = []) => h.sql<T>(query, params);

/** A fresh tenant each test, so each has its own pending subscription to the plan. */
const newTenant = () => `t-${randomUUID().slice(0, 8)}`;

async function openPayment(tenant: string) {
  const subscription = await calls.subscribe(tenant, planId);
  const response = await calls.startPayment(tenant, subscription.id);
  expect(response.statusCode, response.body).toBe(201);
  return {
    tenant,
    subscription,
    payment: response.json() as { id: string; providerOrderId: string; billingPeriod: string },
  };
}

/** What the stand-in captured for an order (never more than one capture per order). */
const chargesOf = (orderId: string) => standIn.charges.filter((charge) => charge.orderId === orderId);

describe('a PayPal payment through Business', () => {
  it('goes create → approve → capture → webhook, and the subscription becomes active', async () => {
    standIn.autoApprove = false;
    const tenant = newTenant();
    const { subscription, payment } = await openPayment(tenant);
    const period = new Date().toISOString().slice(0, 7);
    expect(payment).toMatchObject({ status: 'created', billingPeriod: period });
    const unit = (
      standIn.order(payment.providerOrderId)!.purchase_units as Array<Record<string, unknown>>
    )[0];
    // The subscription is custom_id; subscription and billing period the invoice id; 4 900 cents "49.00".
    expect(unit).toMatchObject({
      custom_id: subscription.id,
      invoice_id: `${subscription.id}:${period}`,
      amount: { currency_code: 'EUR', value: '49.00' },
    });

    const early = await calls.changePayment(tenant, payment.id, 'capture');
    expect(expectProblem(early, 409).type).toMatch(/order-not-approved$/);
    expect((await calls.subscription(tenant, subscription.id)).status).toBe('pending');

    standIn.approve(payment.providerOrderId);
    const captured = await calls.changePayment(tenant, payment.id, 'capture');
    expect(captured.statusCode, captured.body).toBe(200);
    const [charge] = chargesOf(payment.providerOrderId);
    expect(captured.json()).toMatchObject({ status: 'captured' });
    expect(captureIdOf(captured.json())).toBe(charge!.captureId);
    expect((await calls.subscription(tenant, subscription.id)).status).toBe('active');

    const webhook = await standIn.sendWebhook(webhookUrl, 'PAYMENT.CAPTURE.COMPLETED', charge!.captureId);
    expect(webhook.status, webhook.body).toBe(200);
    expect(JSON.parse(webhook.body)).toMatchObject({ eventId: webhook.event.id, outcome: 'unchanged' });
    expect(chargesOf(payment.providerOrderId)).toHaveLength(1);
  });

  it('activates the subscription from the webhook when the capture answer was lost', async () => {
    const tenant = newTenant();
    const { subscription, payment } = await openPayment(tenant);
    // Every attempt outlives the client's timeout; PayPal captures all the same (once: one request id).
    standIn.inject({ kind: 'slow', delayMs: 1_300 }, { operation: 'capture-order', times: 3 });
    const lost = await calls.changePayment(tenant, payment.id, 'capture');
    expectProblem(lost, 503);
    expect((await calls.payment(tenant, payment.id)).status).toBe('created');
    await expect.poll(() => chargesOf(payment.providerOrderId).length, { timeout: 5_000 }).toBe(1);

    const webhook = await standIn.sendWebhook(
      webhookUrl,
      'PAYMENT.CAPTURE.COMPLETED',
      chargesOf(payment.providerOrderId)[0]!.captureId,
    );
    expect(JSON.parse(webhook.body)).toMatchObject({ outcome: 'applied' });
    const settled = await calls.payment(tenant, payment.id);
    expect(settled.status).toBe('captured');
    expect(captureIdOf(settled)).toBe(chargesOf(payment.providerOrderId)[0]!.captureId);
    expect((await calls.subscription(tenant, subscription.id)).status).toBe('active');
    // A later capture request finds the payment captured: no second charge.
    expectProblem(await calls.changePayment(tenant, payment.id, 'capture'), 409);
    expect(chargesOf(payment.providerOrderId)).toHaveLength(1);
  });

  it('records an INSTRUMENT_DECLINED capture as failed; the period is ordered again under a new invoice id', async () => {
    const tenant = newTenant();
    const { subscription, payment } = await openPayment(tenant);
    standIn.inject({ kind: 'instrument-declined' }, { operation: 'capture-order' });
    const declined = await calls.changePayment(tenant, payment.id, 'capture');
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'failed' });
    expect(declined.json().transitions.at(-1).reason).toBe('declined: INSTRUMENT_DECLINED');
    expect(chargesOf(payment.providerOrderId)).toHaveLength(0);
    expect((await calls.subscription(tenant, subscription.id)).status).toBe('pending');

    const again = await calls.startPayment(tenant, subscription.id);
    expect(again.statusCode, again.body).toBe(201);
    const unit = (
      standIn.order(again.json().providerOrderId)!.purchase_units as Array<Record<string, unknown>>
    )[0];
    expect(unit!.invoice_id).toBe(`${subscription.id}:${payment.billingPeriod}:2`);
  });

  it('answers 409 duplicate-invoice for a second order of the same period while the first is open', async () => {
    const tenant = newTenant();
    const { subscription } = await openPayment(tenant);
    const second = await calls.startPayment(tenant, subscription.id);
    const problem = expectProblem(second, 409);
    expect(problem.type).toMatch(/duplicate-invoice$/);
    expect(problem.invoiceId).toBe(`${subscription.id}:${new Date().toISOString().slice(0, 7)}`);
    expect(await calls.payments(tenant)).toHaveLength(1);
  });

  it('answers 503 problem+json with Retry-After when PayPal is down, and records nothing', async () => {
    const tenant = newTenant();
    const subscription = await calls.subscribe(tenant, planId);
    const before = standIn.requestsFor('create-order').length;
    standIn.inject({ kind: 'server-error', status: 503 }, { operation: 'create-order', times: 3 });
    const down = await calls.startPayment(tenant, subscription.id);
    expectProblem(down, 503);
    expect(down.headers['retry-after']).toBeDefined();
    expect(await calls.payments(tenant)).toEqual([]);
    // Three attempts (PAYPAL_MAX_ATTEMPTS), one PayPal-Request-Id.
    const attempts = standIn.requestsFor('create-order').slice(before);
    expect(attempts.map((request) => request.status)).toEqual([503, 503, 503]);
    expect(new Set(attempts.map((request) => request.requestId)).size).toBe(1);
  });

  it('refunds a captured payment; the REFUNDED webhook then changes nothing', async () => {
    const tenant = newTenant();
    const { payment } = await openPayment(tenant);
    expect((await calls.changePayment(tenant, payment.id, 'capture')).json().status).toBe('captured');
    const refunded = await calls.changePayment(tenant, payment.id, 'refund');
    expect(refunded.statusCode, refunded.body).toBe(200);
    expect(refunded.json().status).toBe('refunded');
    const [charge] = chargesOf(payment.providerOrderId);
    expect(charge!.refunded).toBe(true);
    const webhook = await standIn.sendWebhook(webhookUrl, 'PAYMENT.CAPTURE.REFUNDED', charge!.captureId);
    expect(JSON.parse(webhook.body)).toMatchObject({ outcome: 'unchanged' });
  });

  it('moves a captured payment to refunded when PayPal reports a refund made in its dashboard', async () => {
    const tenant = newTenant();
    const { payment } = await openPayment(tenant);
    await calls.changePayment(tenant, payment.id, 'capture');
    const [charge] = chargesOf(payment.providerOrderId);
    const webhook = await standIn.sendWebhook(webhookUrl, 'PAYMENT.CAPTURE.REFUNDED', charge!.captureId);
    expect(JSON.parse(webhook.body)).toMatchObject({ outcome: 'applied' });
    expect((await calls.payment(tenant, payment.id)).status).toBe('refunded');
  });
});

describe('a retried request', () => {
  it('reaches PayPal with the same PayPal-Request-Id and charges once', async () => {
    const tenant = newTenant();
    const { payment } = await openPayment(tenant);
    const key = randomUUID();
    const before = standIn.requestsFor('capture-order').length;
    standIn.inject({ kind: 'server-error' }, { operation: 'capture-order', times: 3 });
    expectProblem(await calls.changePayment(tenant, payment.id, 'capture', key), 503);
    // The client retries with its Idempotency-Key: a 503 was not stored, so the request runs again.
    const retried = await calls.changePayment(tenant, payment.id, 'capture', key);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().status).toBe('captured');
    const sent = standIn.requestsFor('capture-order').slice(before);
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((request) => request.requestId)).size).toBe(1);
    expect(chargesOf(payment.providerOrderId)).toHaveLength(1);
    // Replayed by Business from its own store: PayPal is not asked again.
    const replay = await calls.changePayment(tenant, payment.id, 'capture', key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(standIn.requestsFor('capture-order').slice(before)).toHaveLength(4);
  });

  it('derives different PayPal-Request-Ids for two tenants using the same Idempotency-Key', async () => {
    const key = randomUUID();
    const before = standIn.requestsFor('capture-order').length;
    for (const { tenant, payment } of [await openPayment(newTenant()), await openPayment(newTenant())]) {
      expect((await calls.changePayment(tenant, payment.id, 'capture', key)).json().status).toBe('captured');
    }
    const ids = standIn
      .requestsFor('capture-order')
      .slice(before)
      .map((request) => request.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });
});

describe('the webhook route', () => {
  it('refuses a forged delivery with 400 problem+json and changes nothing', async () => {
    const tenant = newTenant();
    const { payment } = await openPayment(tenant);
    standIn.inject({ kind: 'slow', delayMs: 1_300 }, { operation: 'capture-order', times: 3 });
    expectProblem(await calls.changePayment(tenant, payment.id, 'capture'), 503);
    await expect.poll(() => chargesOf(payment.providerOrderId).length, { timeout: 5_000 }).toBe(1);
    const { captureId } = chargesOf(payment.providerOrderId)[0]!;

    const forged = await standIn.sendWebhook(webhookUrl, 'PAYMENT.CAPTURE.COMPLETED', captureId, {
      forged: true,
    });
    expect(forged.status).toBe(400);
    expect(JSON.parse(forged.body).type).toMatch(/webhook-unverified$/);
    expect((await calls.payment(tenant, payment.id)).status).toBe('created');
    expect(await sql('SELECT * FROM provider_events WHERE event_id = ?', [forged.event.id])).toEqual([]);

    // The genuine delivery of the same event then acts; its redelivery answers 200 and changes nothing.
    const genuine = await standIn.sendWebhook(webhookUrl, 'PAYMENT.CAPTURE.COMPLETED', captureId, {
      eventId: forged.event.id as string,
    });
    expect(JSON.parse(genuine.body)).toMatchObject({ outcome: 'applied' });
    const again = await standIn.sendWebhook(webhookUrl, 'PAYMENT.CAPTURE.COMPLETED', captureId, {
      eventId: forged.event.id as string,
    });
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body)).toMatchObject({ outcome: 'replayed' });
    const transitions = (await calls.payment(tenant, payment.id)).transitions.map((t) => t.to);
    expect(transitions).toEqual(['created', 'captured']);
    expect(
      await sql('SELECT event_id FROM provider_events WHERE event_id = ?', [forged.event.id]),
    ).toHaveLength(1);
  });

  it('verifies each delivery with PayPal before acting, sending our webhook id', async () => {
    const before = standIn.requestsFor('verify-webhook-signature').length;
    const response = await standIn.sendWebhook(webhookUrl, 'PAYMENT.CAPTURE.COMPLETED', 'NOSUCHCAPTURE01', {
      orderId: 'NOSUCHORDER0001',
    });
    expect(standIn.requestsFor('verify-webhook-signature').length).toBe(before + 1);
    // About no order of ours: acknowledged (PayPal stops retrying), nothing recorded.
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ outcome: 'unknown-order' });
    expect(await sql('SELECT * FROM provider_events WHERE event_id = ?', [response.event.id])).toEqual([]);
  });

  it('takes the tenant from the stored order, whatever the event says', async () => {
    const { payment, subscription } = await openPayment(OTHER_TENANT);
    // The event names only PayPal's ids; Business finds OTHER_TENANT's payment from its own rows.
    const denied = await standIn.sendWebhook(webhookUrl, 'PAYMENT.CAPTURE.DENIED', 'DENIEDCAPTURE01', {
      orderId: payment.providerOrderId,
    });
    expect(JSON.parse(denied.body)).toMatchObject({ outcome: 'applied' });
    expect((await calls.payment(OTHER_TENANT, payment.id)).status).toBe('failed');
    const [event] = await sql<{ tenant_id: string; payment_id: string }>(
      'SELECT tenant_id, payment_id FROM provider_events WHERE event_id = ?',
      [denied.event.id],
    );
    expect(event).toEqual({ tenant_id: OTHER_TENANT, payment_id: payment.id });
    expect((await calls.subscription(OTHER_TENANT, subscription.id)).status).toBe('pending');
    expect(await calls.payments(TEST_TENANT)).toEqual([]);
  });

  it('answers 400 problem+json naming the field for a delivery without transmission headers or a bad envelope', async () => {
    const missing = await h.app.inject({
      method: 'POST',
      url: WEBHOOK_PATH,
      payload: {
        id: 'WH-1',
        event_type: 'PAYMENT.CAPTURE.COMPLETED',
        create_time: new Date().toISOString(),
        resource: { id: 'X' },
      },
    });
    expect(JSON.stringify(expectProblem(missing, 400))).toMatch(/paypal-/);
    const headers = {
      'paypal-transmission-id': randomUUID(),
      'paypal-transmission-time': new Date().toISOString(),
      'paypal-transmission-sig': 'c2ln',
      'paypal-cert-url': 'https://api.paypal.com/v1/notifications/certs/CERT-1',
      'paypal-auth-algo': 'SHA256withRSA',
    };
    const envelope = await h.app.inject({
      method: 'POST',
      url: WEBHOOK_PATH,
      headers,
      payload: { id: 'WH-1', event_type: 'PAYMENT.CAPTURE.COMPLETED', resource: { id: 'X' } },
    });
    expect(JSON.stringify(expectProblem(envelope, 400))).toMatch(/create_time/);
    const tooLarge = await h.app.inject({
      method: 'POST',
      url: WEBHOOK_PATH,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({
        id: 'WH-2',
        event_type: 'X',
        create_time: new Date().toISOString(),
        resource: { id: 'X' },
        summary: 'x'.repeat(70_000),
      }),
    });
    expectProblem(tooLarge, 413);
  });
});

describe('reconciliation', () => {
  it('settles a capture that timed out as captured, and leaves an unapproved order open', async () => {
    const tenant = newTenant();
    const { subscription, payment } = await openPayment(tenant);
    standIn.inject({ kind: 'slow', delayMs: 1_300 }, { operation: 'capture-order', times: 3 });
    expectProblem(await calls.changePayment(tenant, payment.id, 'capture'), 503);
    await expect.poll(() => chargesOf(payment.providerOrderId).length, { timeout: 5_000 }).toBe(1);
    standIn.autoApprove = false;
    const waiting = await openPayment(newTenant());
    expect(standIn.order(waiting.payment.providerOrderId)!.status).toBe('PAYER_ACTION_REQUIRED');

    const config = loadBusinessConfig(h.env);
    const report = await reconcilePayments(config, { graceMs: 0, limit: 1_000 }, silent);
    expect(report.captured).toBeGreaterThanOrEqual(1);
    expect(report.unreachable).toBe(0);
    const settled = await calls.payment(tenant, payment.id);
    expect(settled.status).toBe('captured');
    expect(settled.transitions.at(-1)!.reason).toBe('captured by provider (reconciliation)');
    expect(captureIdOf(settled)).toBe(chargesOf(payment.providerOrderId)[0]!.captureId);
    expect((await calls.subscription(tenant, subscription.id)).status).toBe('active');
    expect((await calls.payment(waiting.tenant, waiting.payment.id)).status).toBe('created');

    // A second pass finds nothing new to settle.
    const second = await reconcilePayments(config, { graceMs: 0, limit: 1_000 }, silent);
    expect(second.captured).toBe(0);
  });
});
