/**
 * The webhook route answers without a bearer token, so the per-address limit is what stops a flood
 * from one client before it costs a verification call to PayPal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, PayPalStandIn } from '../../../test-support/index.js';
import { type BusinessHarness, startBusinessHarness } from '../harness.js';
import { payPalEnv, WEBHOOK_PATH } from './paypal-flow.js';

const LIMIT = 3;
let standIn: PayPalStandIn;
let h: BusinessHarness;

beforeAll(async () => {
  standIn = await PayPalStandIn.start();
  h = await startBusinessHarness('paypal_limits', {
    ...payPalEnv(standIn),
    CLIENT_RATE_LIMIT_MAX: String(LIMIT),
    CLIENT_RATE_LIMIT_WINDOW_MS: '60000',
  });
  await h.app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await h?.close();
  await standIn?.close();
});

describe('the webhook route under a flood from one address', () => {
  it('answers 429 problem+json past the per-address limit, without asking PayPal', async () => {
    const { port } = h.app.server.address() as { port: number };
    const url = `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      statuses.push((await standIn.sendWebhook(url, 'PAYMENT.CAPTURE.COMPLETED', `NOCAPTURE${i}`)).status);
    }
    // Within the limit: verified, about no order of ours (200); beyond it: refused before anything runs.
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(standIn.requestsFor('verify-webhook-signature')).toHaveLength(LIMIT);
    const refused = await h.app.inject({ method: 'POST', url: WEBHOOK_PATH, payload: {} });
    expectProblem(refused, 429);
    expect(standIn.contractViolations).toEqual([]);
  });
});
