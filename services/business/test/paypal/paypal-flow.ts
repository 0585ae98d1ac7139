import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { PayPalStandIn } from '../../../test-support/index.js';
import type { BusinessHarness } from '../harness.js';

export const BASE = '/api/business/v1';
export const ADMIN = ['business:admin', 'business:read'];
export const FINANCE = ['business:payments', 'business:read'];
export const WEBHOOK_PATH = `${BASE}/paypal/webhooks`;

/**
 * Business's environment against a PayPal stand-in: short timeouts so a slow answer is a timeout in
 * a test's time, a circuit that never opens unless a test asks for it.
 */
export function payPalEnv(standIn: PayPalStandIn, overrides: Record<string, string> = {}) {
  return {
    ...standIn.env(),
    PAYPAL_TIMEOUT_MS: '1000',
    PAYPAL_MAX_ATTEMPTS: '3',
    PAYPAL_CIRCUIT_FAILURES: '100',
    PAYPAL_CIRCUIT_OPEN_MS: '1000',
    ...overrides,
  };
}

/** The calls a test makes through Business's HTTP API. */
export function businessCalls(h: BusinessHarness) {
  const calls = {
    async createPlan(id: string, overrides: Record<string, unknown> = {}) {
      const response = await h.call({
        method: 'POST',
        url: `${BASE}/plans`,
        scopes: ADMIN,
        tenant: null,
        payload: {
          id,
          name: `Plan ${id}`,
          priceCents: 4900,
          currency: 'EUR',
          billingPeriod: 'monthly',
          features: ['promptads.campaigns'],
          ...overrides,
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string; priceCents: number };
    },
    async subscribe(tenant: string, planId: string) {
      const response = await h.call({
        method: 'POST',
        url: `${BASE}/subscriptions`,
        tenant,
        payload: { planId },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string; status: string };
    },
    subscription: async (tenant: string, id: string) =>
      (await h.call({ method: 'GET', url: `${BASE}/subscriptions/${id}`, tenant })).json() as {
        status: string;
      },
    startPayment: (tenant: string, subscriptionId: string, key: string = randomUUID()) =>
      h.call({
        method: 'POST',
        url: `${BASE}/payments`,
        tenant,
        headers: { 'idempotency-key': key },
        payload: { subscriptionId },
      }),
    changePayment: (
      tenant: string,
      paymentId: string,
      action: 'capture' | 'refund' | 'cancel',
      key: string = randomUUID(),
    ): Promise<LightMyRequestResponse> =>
      h.call({
        method: 'POST',
        url: `${BASE}/payments/${paymentId}/${action}`,
        tenant,
        scopes: FINANCE,
        headers: { 'idempotency-key': key },
      }),
    payment: async (tenant: string, id: string) =>
      (await h.call({ method: 'GET', url: `${BASE}/payments/${id}`, tenant })).json() as Payment,
    /** Every payment of the tenant (all pages). */
    async payments(tenant: string): Promise<Payment[]> {
      const all: Payment[] = [];
      let cursor: string | undefined;
      do {
        const query = cursor ? `?limit=100&cursor=${encodeURIComponent(cursor)}` : '?limit=100';
        const page = (await h.call({ method: 'GET', url: `${BASE}/payments${query}`, tenant })).json() as {
          items: Payment[];
          nextCursor: string | null;
        };
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    },
  };
  return calls;
}

export interface Payment {
  id: string;
  status: string;
  providerOrderId: string;
  subscriptionId: string;
  billingPeriod: string | null;
  transitions: Array<{ to: string; reason: string; providerReference: string | null }>;
}

/** The capture id Business recorded for a payment, if any. */
export const captureIdOf = (payment: Payment) =>
  payment.transitions.find((transition) => transition.to === 'captured')?.providerReference ?? undefined;
