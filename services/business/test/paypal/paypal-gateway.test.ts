import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../kit/index.js';
import { PayPalStandIn } from '../../../test-support/index.js';
import { loadBusinessConfig } from '../../config.js';
import { PayPalClient } from '../../infrastructure/paypal/client.js';
import { loadPayPalConfig, PAYPAL_BASE_URLS } from '../../infrastructure/paypal/config.js';
import { DuplicateInvoiceError, OrderNotApprovedError } from '../../infrastructure/paypal/errors.js';
import { PayPalPaymentGateway } from '../../infrastructure/paypal/paypal-payment-gateway.js';

let standIn: PayPalStandIn;
let gateway: PayPalPaymentGateway;

beforeEach(async () => {
  standIn = await PayPalStandIn.start();
  gateway = new PayPalPaymentGateway(
    new PayPalClient({ ...loadPayPalConfig(standIn.env()), retry: { baseDelayMs: 1, maxDelayMs: 20 } }),
  );
});

afterEach(async () => {
  expect(standIn.contractViolations).toEqual([]);
  await standIn.close();
});

const monthly = (overrides: { reference?: string; billingPeriod?: string } = {}) => ({
  reference: overrides.reference ?? 'payment-1',
  amountCents: 4_900,
  currency: 'eur',
  description: 'Growth (monthly)',
  subscriptionId: 'sub-1',
  billingPeriod: overrides.billingPeriod ?? '2026-11',
});

describe('the PayPal payment gateway', () => {
  it('creates an order, captures it and refunds the capture', async () => {
    const { orderId } = await gateway.createOrder(monthly());
    const unit = (standIn.order(orderId)!.purchase_units as Array<Record<string, unknown>>)[0]!;
    // 4 900 minor units of EUR = "49.00"; the subscription is custom_id; subscription:period the invoice.
    expect(unit).toMatchObject({
      amount: { currency_code: 'EUR', value: '49.00' },
      custom_id: 'sub-1',
      invoice_id: 'sub-1:2026-11',
      reference_id: 'payment-1',
    });
    const captured = await gateway.captureOrder(orderId);
    expect(captured).toEqual({ outcome: 'captured', captureId: standIn.charges[0]!.captureId });
    const refund = await gateway.refundCapture(standIn.charges[0]!.captureId, 4_900, 'EUR');
    expect(refund.refundId).toMatch(/^\w+$/);
    expect(standIn.charges).toMatchObject([{ orderId, refunded: true, amount: { value: '49.00' } }]);
  });

  it('sends a retried capture with the same PayPal-Request-Id and charges once', async () => {
    const { orderId } = await gateway.createOrder(monthly());
    const first = await gateway.captureOrder(orderId, { idempotencyKey: 'client-key-7' });
    const second = await gateway.captureOrder(orderId, { idempotencyKey: 'client-key-7' });
    expect(second).toEqual(first);
    const [one, two] = standIn.requestsFor('capture-order');
    expect(two!.requestId).toBe(one!.requestId);
    expect(two!.replayed).toBe(true);
    expect(standIn.charges).toHaveLength(1);
  });

  it('reads the capture when the order was captured already under another request id', async () => {
    const { orderId } = await gateway.createOrder(monthly());
    const first = await gateway.captureOrder(orderId, { idempotencyKey: 'a' });
    expect(await gateway.captureOrder(orderId, { idempotencyKey: 'b' })).toEqual(first);
    expect(standIn.charges).toHaveLength(1);
  });

  it('turns DUPLICATE_INVOICE_ID into a typed 409 (one order per subscription and period)', async () => {
    await gateway.createOrder(monthly());
    const error = await gateway
      .createOrder(monthly({ reference: 'payment-2' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DuplicateInvoiceError);
    expect(error).toMatchObject({ status: 409, invoiceId: 'sub-1:2026-11' });
    await gateway.createOrder(monthly({ reference: 'payment-3', billingPeriod: '2026-12' }));
  });

  it('turns INSTRUMENT_DECLINED into a declined capture, with no charge', async () => {
    const { orderId } = await gateway.createOrder(monthly());
    standIn.inject({ kind: 'instrument-declined' }, { operation: 'capture-order' });
    expect(await gateway.captureOrder(orderId)).toEqual({
      outcome: 'declined',
      reason: 'INSTRUMENT_DECLINED',
    });
    expect(standIn.charges).toHaveLength(0);
  });

  it('answers a typed 409 while the payer has not approved the order', async () => {
    standIn.autoApprove = false;
    const { orderId } = await gateway.createOrder(monthly());
    await expect(gateway.captureOrder(orderId)).rejects.toBeInstanceOf(OrderNotApprovedError);
    standIn.approve(orderId);
    expect(await gateway.captureOrder(orderId, { idempotencyKey: 'after-approval' })).toMatchObject({
      outcome: 'captured',
    });
  });
});

describe('PayPal configuration', () => {
  const credentials = { PAYPAL_CLIENT_ID: 'id', PAYPAL_CLIENT_SECRET: 'secret', PAYPAL_WEBHOOK_ID: 'WH1' };

  it('picks the sandbox or live host', () => {
    expect(loadPayPalConfig({ ...credentials, PAYPAL_ENVIRONMENT: 'sandbox' }).baseUrl).toBe(
      PAYPAL_BASE_URLS.sandbox,
    );
    expect(loadPayPalConfig({ ...credentials, PAYPAL_ENVIRONMENT: 'live' }).baseUrl).toBe(
      'https://api-m.paypal.com',
    );
  });

  it.each([
    [{ ...credentials }, 'PAYPAL_ENVIRONMENT: set exactly one of'],
    [{ ...credentials, PAYPAL_ENVIRONMENT: 'live', PAYPAL_BASE_URL: 'https://x.test' }, 'set exactly one of'],
    [
      { ...credentials, PAYPAL_BASE_URL: 'http://paypal.example.com' },
      'PAYPAL_BASE_URL: must be an https://',
    ],
    [{ ...credentials, PAYPAL_ENVIRONMENT: 'prod' }, 'PAYPAL_ENVIRONMENT: must be "sandbox" or "live"'],
    [
      { ...credentials, PAYPAL_CLIENT_SECRET: ' ', PAYPAL_ENVIRONMENT: 'live' },
      'PAYPAL_CLIENT_SECRET: must be',
    ],
  ])('rejects %j', (env, message) => {
    expect(() => loadPayPalConfig(env)).toThrow(ConfigError);
    expect(() => loadPayPalConfig(env)).toThrow(message);
  });

  it('is read and validated when Business starts with PAYMENT_GATEWAY=paypal', () => {
    const base = {
      PORT: '0',
      OIDC_ISSUER: 'https://issuer.example.com',
      OIDC_AUDIENCE: 'api://promptsales',
      OIDC_JWKS_URL: 'https://issuer.example.com/keys',
    };
    expect(() =>
      loadBusinessConfig({ ...base, PAYMENT_GATEWAY: 'paypal', PAYPAL_ENVIRONMENT: 'sandbox' }),
    ).toThrow('PAYPAL_CLIENT_ID: is required');
    expect(loadBusinessConfig({ ...base, PAYMENT_GATEWAY: 'recording' }).paypal).toBeUndefined();
  });
});
