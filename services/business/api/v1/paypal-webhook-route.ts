import { problemResponses, type ServiceApi } from '../../../kit/index.js';
import { type PaymentEvents, unverifiedDelivery } from '../../application/payment-events.js';
import { PAYPAL_TRANSMISSION_HEADERS } from '../../infrastructure/paypal/webhook-verifier.js';

/** PayPal's events are a few KiB; anything far larger is not one of them. */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;

const transmissionHeaders = {
  type: 'object',
  properties: {
    'paypal-transmission-id': { type: 'string', minLength: 1, maxLength: 100 },
    'paypal-transmission-time': { type: 'string', format: 'date-time' },
    'paypal-transmission-sig': { type: 'string', minLength: 1, maxLength: 2048 },
    'paypal-cert-url': { type: 'string', format: 'uri', maxLength: 2048 },
    'paypal-auth-algo': { type: 'string', pattern: '^[A-Za-z0-9]{1,64}$' },
  },
  required: [...PAYPAL_TRANSMISSION_HEADERS],
} as const;

const linkSchema = {
  type: 'object',
  properties: { href: { type: 'string', maxLength: 2048 }, rel: { type: 'string', maxLength: 100 } },
} as const;

/** The envelope of PayPal's event (notifications_webhooks_v1 `event`): what Business reads is required. */
export const webhookEvent = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9-]{1,100}$' },
    event_type: { type: 'string', pattern: '^[A-Z0-9_.]{1,100}$' },
    create_time: { type: 'string', format: 'date-time' },
    resource_type: { type: 'string', maxLength: 100 },
    event_version: { type: 'string', maxLength: 20 },
    resource_version: { type: 'string', maxLength: 20 },
    summary: { type: 'string', maxLength: 1000 },
    resource: {
      type: 'object',
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9-]{1,128}$' },
        supplementary_data: {
          type: 'object',
          properties: {
            related_ids: {
              type: 'object',
              properties: {
                order_id: { type: 'string', pattern: '^[A-Za-z0-9-]{1,128}$' },
                capture_id: { type: 'string', pattern: '^[A-Za-z0-9-]{1,128}$' },
              },
            },
          },
        },
        links: { type: 'array', items: linkSchema, maxItems: 20 },
      },
      required: ['id'],
    },
    links: { type: 'array', items: linkSchema, maxItems: 20 },
  },
  required: ['id', 'event_type', 'create_time', 'resource'],
} as const;

const eventAnswer = {
  type: 'object',
  properties: {
    eventId: { type: 'string' },
    eventType: { type: 'string' },
    outcome: { type: 'string', enum: ['applied', 'unchanged', 'replayed', 'unknown-order', 'ignored'] },
  },
  required: ['eventId', 'eventType', 'outcome'],
} as const;

/**
 * `POST /paypal/webhooks`: PayPal's deliveries. No bearer token (PayPal has none of ours): the route
 * is listed in services/kit/exempt-routes.ts and proves each delivery with PayPal's
 * verify-webhook-signature before acting. The per-address rate limit of every API route applies.
 */
export function registerPayPalWebhook(api: ServiceApi, events: PaymentEvents): void {
  api.post(
    '/paypal/webhooks',
    {
      bodyLimit: WEBHOOK_BODY_LIMIT_BYTES,
      config: { tenant: false },
      schema: {
        tags: ['payments'],
        operationId: 'receivePayPalWebhook',
        summary: 'Receive a PayPal webhook event (verified with PayPal, idempotent on the event id)',
        description:
          'Called by PayPal, not by clients: no bearer token; each delivery is verified through PayPal’s verify-webhook-signature before it changes anything. A redelivered event answers 200 `replayed`; an event about no order of ours answers 200 `unknown-order`; a delivery that fails verification answers 400.',
        security: [],
        headers: transmissionHeaders,
        body: webhookEvent,
        response: { 200: eventAnswer, ...problemResponses(400, 413, 415, 429, 503) },
      },
    },
    async (request) => {
      const headers: Record<string, string> = {};
      for (const name of PAYPAL_TRANSMISSION_HEADERS) {
        const value = request.headers[name];
        if (typeof value !== 'string') throw unverifiedDelivery(`header ${name} is required`);
        headers[name] = value;
      }
      return events.receive({ headers, event: request.body as Record<string, unknown> }, request.log);
    },
  );
}
