/**
 * PayPal under faults: Business runs as its own process with PAYMENT_GATEWAY=paypal against the
 * PayPal stand-in, which answers 5xx and too slowly (past Business's timeout) while many
 * subscriptions are paid at once by clients that retry with the same Idempotency-Key. Then PayPal's
 * webhooks arrive (some twice) for part of the captures, and one reconciliation pass (the CronJob's
 * `main.js reconcile`) runs. Nothing may be charged twice, and every capture PayPal completed must
 * end as a captured payment.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { createFleet, type Fleet } from '../../bench/services-fleet.js';
import type { ServiceProcess } from '../../bench/services-process.js';
import { type PayPalFault, PayPalStandIn } from '../../services/test-support/index.js';
import { record } from './support/summary.js';

const SUBSCRIPTIONS = 40;
const CLIENTS = 8;
/** Attempts a client makes with one Idempotency-Key before giving up (the outcome is then unknown to it). */
const CLIENT_ATTEMPTS = 4;
const TIMEOUT_MS = 400;
const BASE = '/api/business/v1';
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The faults the stand-in cycles through while the load runs: 5xx, 429 and answers past the timeout. */
const FAULTS: Array<{ fault: PayPalFault; operation: 'create-order' | 'capture-order' }> = [
  { fault: { kind: 'server-error', status: 503 }, operation: 'capture-order' },
  { fault: { kind: 'slow', delayMs: TIMEOUT_MS + 300 }, operation: 'capture-order' },
  { fault: { kind: 'server-error', status: 500 }, operation: 'create-order' },
  { fault: { kind: 'slow', delayMs: TIMEOUT_MS + 300 }, operation: 'create-order' },
  { fault: { kind: 'rate-limit', retryAfterSeconds: 1 }, operation: 'capture-order' },
];

let standIn: PayPalStandIn | undefined;
let fleet: Fleet | undefined;
afterAll(async () => {
  await fleet?.close();
  await standIn?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(url: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A client's request with one Idempotency-Key, retried on 503 and on 409 "still in progress". */
async function withRetries(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  tally: { retries: number; unavailable: number },
): Promise<Answer> {
  const key = randomUUID();
  let answer: Answer = { status: 0, body: {} };
  for (let attempt = 1; attempt <= CLIENT_ATTEMPTS; attempt++) {
    answer = await call(url, { ...headers, 'idempotency-key': key }, body);
    const inProgress =
      answer.status === 409 && String(answer.body.type).endsWith('idempotency-key-in-progress');
    if (answer.status !== 503 && !inProgress) return answer;
    if (answer.status === 503) tally.unavailable += 1;
    if (attempt < CLIENT_ATTEMPTS) {
      tally.retries += 1;
      await sleep(150 * attempt);
    }
  }
  return answer;
}

/** `main.js reconcile` as the CronJob runs it, with Business's environment. */
function runReconcileJob(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'services/business/main.ts', 'reconcile'], {
      cwd: REPO_ROOT,
      // PORT: the job listens on nothing, but reads the deployment's whole configuration.
      env: { PATH: process.env.PATH, PORT: '0', ...env, RECONCILE_GRACE_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('Business with PayPal under faults', () => {
  it('charges no order twice and loses no payment PayPal captured, after webhooks and one reconciliation pass', async () => {
    standIn = await PayPalStandIn.start();
    fleet = await createFleet('rel_paypal', ['business']);
    const env = {
      ...standIn.env(),
      PAYPAL_TIMEOUT_MS: String(TIMEOUT_MS),
      PAYPAL_MAX_ATTEMPTS: '2',
      // Faults here are per call, not an outage: the circuit stays closed so every call meets one.
      PAYPAL_CIRCUIT_FAILURES: '100',
    };
    const business: ServiceProcess = await fleet.start('business', env);
    const api = `${business.url}${BASE}`;
    const admin = {
      authorization: `Bearer ${await fleet.issuer.token({ scopes: ['business:admin'], expiresIn: 3600 })}`,
    };
    const plan = await call(`${api}/plans`, admin, {
      id: 'paypal-growth',
      name: 'Growth',
      priceCents: 4_900,
      currency: 'EUR',
      billingPeriod: 'monthly',
      features: ['promptads.campaigns'],
    });
    expect(plan.status).toBe(201);

    const tenants = Array.from({ length: SUBSCRIPTIONS }, (_, i) => `paypal-rel-${i}`);
    const headersOf = new Map<string, Record<string, string>>();
    for (const tenant of tenants) {
      const token = await fleet.issuer.token({
        scopes: ['business:read', 'business:write', 'business:payments'],
        tenant,
        expiresIn: 3600,
      });
      headersOf.set(tenant, { authorization: `Bearer ${token}` });
    }

    // Faults keep coming while the clients pay: one every 150 ms, in turn (each meets the next matching call).
    let loading = true;
    let injected = 0;
    const faults = (async () => {
      while (loading) {
        const { fault, operation } = FAULTS[injected % FAULTS.length]!;
        standIn!.inject(fault, { operation });
        injected += 1;
        await sleep(150);
      }
    })();

    const tally = { retries: 0, unavailable: 0 };
    const outcomes: Array<{ tenant: string; payment?: string; capture?: number; start: number }> = [];
    const queue = [...tenants];
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let tenant = queue.shift(); tenant; tenant = queue.shift()) {
          const headers = headersOf.get(tenant)!;
          const subscription = await call(`${api}/subscriptions`, headers, { planId: 'paypal-growth' });
          expect(subscription.status).toBe(201);
          const started = await withRetries(
            `${api}/payments`,
            headers,
            { subscriptionId: subscription.body.id },
            tally,
          );
          const outcome: (typeof outcomes)[number] = { tenant, start: started.status };
          outcomes.push(outcome);
          if (started.status !== 201) continue;
          outcome.payment = String(started.body.id);
          const captured = await withRetries(
            `${api}/payments/${outcome.payment}/capture`,
            headers,
            undefined,
            tally,
          );
          outcome.capture = captured.status;
        }
      }),
    );
    loading = false;
    await faults;
    // Answers PayPal was still sending slowly when the clients stopped.
    await sleep(TIMEOUT_MS + 500);

    // PayPal's webhooks for every other capture, a third of those delivered twice.
    const webhookUrl = `${api}/paypal/webhooks`;
    const webhookAnswers: Record<string, number> = {};
    let deliveries = 0;
    for (const [index, charge] of standIn.charges.entries()) {
      if (index % 2 === 1) continue;
      const times = index % 3 === 0 ? 2 : 1;
      for (let n = 0; n < times; n++) {
        const sent = await standIn.sendWebhook(webhookUrl, 'PAYMENT.CAPTURE.COMPLETED', charge.captureId, {
          eventId: `WH-REL-${index}`,
        });
        deliveries += 1;
        const outcome = sent.status === 200 ? String(JSON.parse(sent.body).outcome) : `HTTP ${sent.status}`;
        webhookAnswers[outcome] = (webhookAnswers[outcome] ?? 0) + 1;
      }
    }

    const reconcile = await runReconcileJob(fleet.envFor('business', env));
    const report = JSON.parse(/reconciled (\{.*\})/.exec(reconcile.output)?.[1] ?? '{}') as Record<
      string,
      number
    >;

    // What PayPal did, against what Business recorded.
    const connection = await createConnection({ uri: fleet.databases.business!.url });
    const [rows] = await connection.query(
      `SELECT p.tenant_id, p.id, p.status, p.provider_order_id, p.provider_capture_id, s.status AS subscription_status
       FROM payments p JOIN subscriptions s ON s.tenant_id = p.tenant_id AND s.id = p.subscription_id`,
    );
    await connection.end();
    const payments = rows as Array<{
      id: string;
      status: string;
      provider_order_id: string;
      provider_capture_id: string | null;
      subscription_status: string;
    }>;
    const charges = standIn.charges;
    const chargedOrders = charges.map((charge) => charge.orderId);
    const chargedInvoices = charges.map((charge) => charge.invoiceId);
    const doubleCharges =
      chargedOrders.length -
      new Set(chargedOrders).size +
      (chargedInvoices.length - new Set(chargedInvoices).size);
    const byCapture = new Map(payments.map((payment) => [payment.provider_capture_id, payment]));
    const lost = charges.filter((charge) => {
      const payment = byCapture.get(charge.captureId);
      return payment?.status !== 'captured' || payment.provider_order_id !== charge.orderId;
    });
    const phantom = payments.filter(
      (payment) =>
        payment.status === 'captured' && !charges.some((c) => c.captureId === payment.provider_capture_id),
    );
    const inactive = payments.filter((p) => p.status === 'captured' && p.subscription_status !== 'active');
    const faultAnswers = standIn.requests.filter(
      (r) => r.status >= 429 && r.operation !== 'verify-webhook-signature',
    );

    const passed =
      doubleCharges === 0 &&
      lost.length === 0 &&
      phantom.length === 0 &&
      inactive.length === 0 &&
      reconcile.code === 0 &&
      standIn.contractViolations.length === 0;
    record({
      check: 'fault',
      subject: `Business PAYMENT_GATEWAY=paypal: PayPal 5xx, 429 and answers past ${TIMEOUT_MS} ms under ${CLIENTS} paying clients, webhooks (some twice), one reconciliation pass`,
      passed,
      writesLost: lost.length,
      figures: {
        subscriptions: SUBSCRIPTIONS,
        'faults injected': injected,
        'PayPal fault answers': faultAnswers.length,
        'client 503s': tally.unavailable,
        'client retries': tally.retries,
        'orders created': payments.length,
        'captures at PayPal': charges.length,
        'webhook deliveries': deliveries,
        'settled by webhook': webhookAnswers.applied ?? 0,
        'settled by reconciliation': report.captured ?? 0,
        'double charges': doubleCharges,
        'payments lost': lost.length,
      },
    });

    expect(standIn.contractViolations).toEqual([]);
    expect(faultAnswers.length, 'the faults must have been met').toBeGreaterThan(0);
    expect(tally.unavailable, 'some client requests must have met PayPal down').toBeGreaterThan(0);
    expect(reconcile.code, reconcile.output).toBe(0);
    expect(doubleCharges, 'orders or invoices PayPal captured twice').toBe(0);
    expect(
      lost.map((charge) => charge.orderId),
      'captures PayPal completed with no captured payment',
    ).toEqual([]);
    expect(
      phantom.map((payment) => payment.id),
      'captured payments PayPal never charged',
    ).toEqual([]);
    expect(
      inactive.map((payment) => payment.id),
      'paid subscriptions not active',
    ).toEqual([]);
    expect(webhookAnswers.replayed, 'duplicate deliveries answered as replays').toBeGreaterThan(0);
    expect(Object.keys(webhookAnswers).filter((outcome) => outcome.startsWith('HTTP'))).toEqual([]);
    expect(charges.length).toBeGreaterThan(SUBSCRIPTIONS / 2);
  });
});
