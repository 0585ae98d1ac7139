import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DependencyUnavailableError } from '../../../kit/index.js';
import { PayPalStandIn } from '../../../test-support/index.js';
import { PayPalClient, type PayPalClientOptions } from '../../infrastructure/paypal/client.js';
import { loadPayPalConfig } from '../../infrastructure/paypal/config.js';
import { PayPalApiError, PayPalUnavailableError } from '../../infrastructure/paypal/errors.js';
import { payPalRequestId } from '../../infrastructure/paypal/request-id.js';

let standIn: PayPalStandIn;

beforeEach(async () => {
  standIn = await PayPalStandIn.start();
});

afterEach(async () => {
  // Every request the client sent and every answer the stand-in gave conformed to PayPal's documents.
  expect(standIn.contractViolations).toEqual([]);
  await standIn.close();
});

function client(overrides: Partial<PayPalClientOptions> = {}) {
  return new PayPalClient({
    ...loadPayPalConfig(standIn.env()),
    retry: { baseDelayMs: 1, maxDelayMs: 20 },
    ...overrides,
  });
}

const order = (invoice: string) => ({
  intent: 'CAPTURE' as const,
  purchase_units: [{ invoice_id: invoice, amount: { currency_code: 'EUR', value: '49.00' } }],
});

describe('PayPal access token', () => {
  it('is fetched once and reused, also by concurrent first calls', async () => {
    const paypal = client();
    const created = await paypal.createOrder(order('inv-1'), 'key-1');
    await Promise.all([
      paypal.getOrder(created.id!),
      paypal.getOrder(created.id!),
      paypal.getOrder(created.id!),
    ]);
    expect(standIn.requestsFor('token')).toHaveLength(1);
  });

  it('is refreshed before it expires', async () => {
    let now = Date.now();
    standIn.tokenLifetimeSeconds = 600;
    const paypal = client({ now: () => now, tokenRefreshEarlyMs: 300_000 });
    const created = await paypal.createOrder(order('inv-1'), 'key-1');
    now += 299_000; // 301 s of the 600 s left: still outside the 300 s refresh margin
    await paypal.getOrder(created.id!);
    expect(standIn.requestsFor('token')).toHaveLength(1);
    now += 2_000; // 299 s left: inside the margin
    await paypal.getOrder(created.id!);
    expect(standIn.requestsFor('token')).toHaveLength(2);
  });

  it('is replaced once when PayPal answers 401 invalid_token, and the call succeeds', async () => {
    const paypal = client();
    const created = await paypal.createOrder(order('inv-1'), 'key-1');
    standIn.expireTokens();
    expect((await paypal.getOrder(created.id!)).id).toBe(created.id);
    expect(standIn.requestsFor('get-order').map((request) => request.status)).toEqual([401, 200]);
    expect(standIn.requestsFor('token')).toHaveLength(2);
  });

  it('wrong credentials are a typed 401, not retried', async () => {
    const paypal = client({ clientSecret: 'not-the-secret' });
    const error = await paypal.getOrder('ANY').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PayPalApiError);
    expect(error).toMatchObject({ status: 401, errorName: 'invalid_client' });
    expect(standIn.requestsFor('token')).toHaveLength(1);
  });
});

describe('PayPal-Request-Id', () => {
  it('is sent on every state-changing call, derived from our key alone', async () => {
    const paypal = client();
    const created = await paypal.createOrder(order('inv-1'), 'payment:p-1');
    await paypal.captureOrder(created.id!, 'order:o-1');
    const [create] = standIn.requestsFor('create-order');
    const [capture] = standIn.requestsFor('capture-order');
    expect(create!.requestId).toBe(payPalRequestId('create-order', 'payment:p-1'));
    expect(capture!.requestId).toBe(payPalRequestId('capture-order', 'order:o-1'));
    expect(payPalRequestId('create-order', 'payment:p-1')).not.toBe(
      payPalRequestId('capture-order', 'payment:p-1'),
    );
    expect(standIn.requestsFor('get-order').every((request) => request.requestId === undefined)).toBe(true);
  });

  it('makes a capture that timed out and was retried charge once', async () => {
    const paypal = client({ timeoutMs: 500, maxAttempts: 3 });
    const created = await paypal.createOrder(order('inv-1'), 'key-1');
    // PayPal carries out the first capture but answers after our timeout; we retry with the same id.
    standIn.inject({ kind: 'slow', delayMs: 1_500 }, { operation: 'capture-order' });
    const captured = await paypal.captureOrder(created.id!, 'capture-key');
    expect(captured.status).toBe('COMPLETED');
    const captures = standIn.requestsFor('capture-order');
    expect(captures.length).toBeGreaterThanOrEqual(2);
    expect(new Set(captures.map((request) => request.requestId)).size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // let the slow first request finish
    expect(standIn.charges).toHaveLength(1);
    expect(standIn.requestsFor('capture-order').some((request) => request.replayed)).toBe(true);
  });
});

describe('PayPal retries', () => {
  it('retry 5xx and 429 and then succeed', async () => {
    const paypal = client({ maxAttempts: 3 });
    const created = await paypal.createOrder(order('inv-1'), 'key-1');
    standIn.inject({ kind: 'server-error', status: 500 }, { operation: 'get-order' });
    standIn.inject({ kind: 'rate-limit', retryAfterSeconds: 0 }, { operation: 'get-order' });
    expect((await paypal.getOrder(created.id!)).id).toBe(created.id);
    expect(standIn.requestsFor('get-order').map((request) => request.status)).toEqual([500, 429, 200]);
  });

  it('stop after the configured attempts with a typed unavailable error (503)', async () => {
    const paypal = client({ maxAttempts: 3 });
    standIn.inject({ kind: 'server-error', status: 503 }, { operation: 'create-order', times: 10 });
    const error = await paypal.createOrder(order('inv-1'), 'key-1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PayPalUnavailableError);
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect((error as PayPalUnavailableError).status).toBe(503);
    expect(standIn.requestsFor('create-order')).toHaveLength(3);
  });

  it('never retry a 4xx', async () => {
    const paypal = client({ maxAttempts: 3 });
    const error = await paypal.getOrder('NO-SUCH-ORDER').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PayPalApiError);
    expect((error as PayPalApiError).hasIssue('INVALID_RESOURCE_ID')).toBe(true);
    expect(standIn.requestsFor('get-order')).toHaveLength(1);
  });
});

describe('PayPal circuit', () => {
  it('opens after consecutive timed-out calls and then answers unavailable without calling PayPal', async () => {
    let now = Date.now();
    const paypal = client({
      timeoutMs: 300,
      maxAttempts: 2,
      circuitFailures: 2,
      circuitOpenMs: 30_000,
      now: () => now,
    });
    const created = await paypal.createOrder(order('inv-1'), 'key-1');
    standIn.inject({ kind: 'slow', delayMs: 1_000 }, { operation: 'get-order', times: 4 });
    for (let call = 0; call < 2; call += 1)
      await expect(paypal.getOrder(created.id!)).rejects.toBeInstanceOf(PayPalUnavailableError);
    expect(standIn.requestsFor('get-order')).toHaveLength(4); // 2 calls × 2 attempts
    expect(paypal.circuitState).toBe('open');
    await expect(paypal.getOrder(created.id!)).rejects.toThrow(/circuit is open/);
    expect(standIn.requestsFor('get-order')).toHaveLength(4);
    now += 30_000; // the circuit lets one trial call through, which succeeds and closes it
    expect(paypal.circuitState).toBe('half-open');
    expect((await paypal.getOrder(created.id!)).id).toBe(created.id);
    expect(paypal.circuitState).toBe('closed');
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the slow answers drain before close
  });

  it('stays closed when PayPal answers 4xx (PayPal is up)', async () => {
    const paypal = client({ circuitFailures: 1 });
    await expect(paypal.getOrder('NO-SUCH-ORDER')).rejects.toBeInstanceOf(PayPalApiError);
    expect(paypal.circuitState).toBe('closed');
  });
});

describe('PayPal webhook verification', () => {
  it('answers SUCCESS for a delivery PayPal made and FAILURE for a forged one', async () => {
    const paypal = client();
    const created = await paypal.createOrder(order('inv-1'), 'key-1');
    const captured = await paypal.captureOrder(created.id!, 'key-2');
    const captureId = captured.purchase_units![0]!.payments!.captures![0]!.id!;
    const verdicts: string[] = [];
    const { createServer } = await import('node:http');
    const receiver = createServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += chunk;
      const header = (name: string) => request.headers[name] as string;
      verdicts.push(
        await paypal.verifyWebhookSignature({
          auth_algo: header('paypal-auth-algo'),
          cert_url: header('paypal-cert-url'),
          transmission_id: header('paypal-transmission-id'),
          transmission_sig: header('paypal-transmission-sig'),
          transmission_time: header('paypal-transmission-time'),
          webhook_id: loadPayPalConfig(standIn.env()).webhookId,
          webhook_event: JSON.parse(body),
        }),
      );
      response.end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/webhooks`;
    await standIn.sendWebhook(url, 'PAYMENT.CAPTURE.COMPLETED', captureId);
    await standIn.sendWebhook(url, 'PAYMENT.CAPTURE.COMPLETED', captureId, { forged: true });
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    expect(verdicts).toEqual(['SUCCESS', 'FAILURE']);
  });
});

describe('the stand-in', () => {
  it('refuses and reports a request that does not conform to the published documents', async () => {
    const paypal = client();
    await paypal.createOrder(order('inv-1'), 'key-1'); // gets a token
    const response = await fetch(`${standIn.baseUrl}/v2/checkout/orders`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope', 'content-type': 'application/json' },
      body: JSON.stringify({ intent: 'CAPTURE', purchase_units: [] }),
    });
    expect(response.status).toBe(401);
    standIn.expireTokens();
    const bad = await fetch(`${standIn.baseUrl}/v1/oauth2/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${standIn.clientId}:${standIn.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    const { access_token } = (await bad.json()) as { access_token: string };
    const invalid = await fetch(`${standIn.baseUrl}/v2/checkout/orders`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${access_token}`,
        'content-type': 'application/json',
        'paypal-request-id': 'r-1',
      },
      body: JSON.stringify({ intent: 'CAPTURE', purchase_units: [] }),
    });
    expect(invalid.status).toBe(400);
    expect(standIn.contractViolations).toEqual([
      'create-order: request body/purchase_units must NOT have fewer than 1 items',
    ]);
    standIn.contractViolations.length = 0;
  });
});
