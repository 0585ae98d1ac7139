import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { PayPalContract } from './paypal-contract.js';

export type PayPalOperation =
  | 'token'
  | 'create-order'
  | 'get-order'
  | 'capture-order'
  | 'refund-capture'
  | 'verify-webhook-signature';

/** What the next matching request(s) get instead of (or before) the normal answer. */
export type PayPalFault =
  | { kind: 'server-error'; status?: 500 | 503 }
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  /** The request is carried out and answered after `delayMs` (a client may time out meanwhile). */
  | { kind: 'slow'; delayMs: number }
  | { kind: 'instrument-declined' }
  /** 401 invalid_token, as PayPal answers a token that expired or was revoked. */
  | { kind: 'expired-token' };

export interface ReceivedRequest {
  operation: PayPalOperation | 'unknown';
  method: string;
  path: string;
  requestId: string | undefined;
  /** Answered from the stored result of an earlier request with the same PayPal-Request-Id. */
  replayed: boolean;
  status: number;
}

export interface Charge {
  captureId: string;
  orderId: string;
  amount: { currency_code: string; value: string };
  invoiceId: string | undefined;
  refunded: boolean;
}

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}
interface StoredOrder {
  order: Json & { id: string; status: string; purchase_units: Json[] };
  invoiceId: string | undefined;
}

const DOCUMENT: Record<PayPalOperation, { file: string; path: string; method: string } | undefined> = {
  token: undefined,
  'create-order': { file: 'checkout_orders_v2.json', path: '/v2/checkout/orders', method: 'post' },
  'get-order': { file: 'checkout_orders_v2.json', path: '/v2/checkout/orders/{id}', method: 'get' },
  'capture-order': {
    file: 'checkout_orders_v2.json',
    path: '/v2/checkout/orders/{id}/capture',
    method: 'post',
  },
  'refund-capture': {
    file: 'payments_payment_v2.json',
    path: '/v2/payments/captures/{capture_id}/refund',
    method: 'post',
  },
  'verify-webhook-signature': {
    file: 'notifications_webhooks_v1.json',
    path: '/v1/notifications/verify-webhook-signature',
    method: 'post',
  },
};

const STATE_CHANGING = new Set<PayPalOperation>(['create-order', 'capture-order', 'refund-capture']);

const ROUTES: Array<[string, RegExp, PayPalOperation]> = [
  ['POST', /^\/v1\/oauth2\/token$/, 'token'],
  ['POST', /^\/v2\/checkout\/orders$/, 'create-order'],
  ['GET', /^\/v2\/checkout\/orders\/([^/]+)$/, 'get-order'],
  ['POST', /^\/v2\/checkout\/orders\/([^/]+)\/capture$/, 'capture-order'],
  ['POST', /^\/v2\/payments\/captures\/([^/]+)\/refund$/, 'refund-capture'],
  ['POST', /^\/v1\/notifications\/verify-webhook-signature$/, 'verify-webhook-signature'],
];

let loaded: PayPalContract | undefined;
/** Loaded on first use: the documents are large and most tests importing test-support never need them. */
function contract(): PayPalContract {
  if (!loaded) {
    loaded = new PayPalContract();
    for (const document of Object.values(DOCUMENT)) {
      if (document) loaded.prepare(document.file, document.path, document.method);
    }
  }
  return loaded;
}
const paypalId = (prefix = '') =>
  prefix +
  randomBytes(9)
    .toString('hex')
    .toUpperCase()
    .slice(0, 17 - prefix.length);
const debugId = () => randomBytes(7).toString('hex');
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** PayPal's error body for a status: name and message exactly as the document's `error_<status>` fixes them. */
function errorAnswer(status: number, issues: string[] = [], schema?: string): Answer {
  const fixed = (contract().errorSchema(status) ?? {}) as { name?: string; message?: string };
  const details = issues.map((issue) => ({ issue, description: contract().issueDescription(issue, schema) }));
  return {
    status,
    body: {
      name: fixed.name,
      message: fixed.message,
      debug_id: debugId(),
      ...(details.length ? { details } : {}),
    },
  };
}

/**
 * A local PayPal for tests: the Orders v2 create/get/capture, Payments v2 refund, verify-webhook-signature
 * and OAuth token endpoints over node:http on a random port. Every request it receives and every answer
 * it sends is checked against PayPal's published OpenAPI documents; anything that does not conform is
 * listed in `contractViolations` (tests assert the list is empty). It keeps orders, captures and refunds,
 * replays the stored answer for a repeated PayPal-Request-Id like PayPal, and answers PayPal's error
 * bodies on demand through `inject`.
 */
export class PayPalStandIn {
  readonly clientId = `stand-in-${randomUUID()}`;
  readonly clientSecret = randomBytes(24).toString('base64url');
  readonly webhookId = paypalId('WH');
  readonly requests: ReceivedRequest[] = [];
  readonly contractViolations: string[] = [];
  /** Every capture that moved money, in order. */
  readonly charges: Charge[] = [];
  /** Whether new orders start approved (as if the payer had approved them at once). */
  autoApprove = true;
  tokenLifetimeSeconds = 32_400;

  private readonly server = createServer((request, response) => {
    this.handle(request, response).catch((error: unknown) => {
      this.contractViolations.push(`stand-in failed: ${String(error)}`);
      response.writeHead(500).end();
    });
  });
  private readonly faults: Array<{ fault: PayPalFault; operation?: PayPalOperation; times: number }> = [];
  private readonly tokens = new Map<string, number>();
  private readonly orders = new Map<string, StoredOrder>();
  private readonly idempotent = new Map<string, Answer>();
  private readonly signingKey = randomBytes(32);
  private readonly transmissions = new Map<string, string>();
  baseUrl = '';

  static async start(): Promise<PayPalStandIn> {
    contract();
    const standIn = new PayPalStandIn();
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    standIn.baseUrl = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}`;
    return standIn;
  }

  /** The environment Business reads for PAYMENT_GATEWAY=paypal, pointed at this stand-in. */
  env(): Record<string, string> {
    return {
      PAYMENT_GATEWAY: 'paypal',
      PAYPAL_BASE_URL: this.baseUrl,
      PAYPAL_CLIENT_ID: this.clientId,
      PAYPAL_CLIENT_SECRET: this.clientSecret,
      PAYPAL_WEBHOOK_ID: this.webhookId,
    };
  }

  /** The next `times` requests for `operation` (any operation when omitted) meet `fault`. */
  inject(fault: PayPalFault, options: { operation?: PayPalOperation; times?: number } = {}): void {
    this.faults.push({ fault, operation: options.operation, times: options.times ?? 1 });
  }

  /** Every token issued so far stops working (PayPal answers 401 invalid_token). */
  expireTokens(): void {
    this.tokens.clear();
  }

  /** The payer approves the order (the browser step of the flow). */
  approve(orderId: string): void {
    const stored = this.orders.get(orderId);
    if (stored?.order.status === 'PAYER_ACTION_REQUIRED') stored.order.status = 'APPROVED';
  }

  order(orderId: string): Json | undefined {
    return this.orders.get(orderId)?.order;
  }

  requestsFor(operation: PayPalOperation): ReceivedRequest[] {
    return this.requests.filter((request) => request.operation === operation);
  }

  /**
   * Delivers a webhook event about a capture to `url` with PayPal's transmission headers. A forged
   * delivery carries a signature this stand-in never made: verify-webhook-signature answers FAILURE.
   */
  async sendWebhook(
    url: string,
    eventType: 'PAYMENT.CAPTURE.COMPLETED' | 'PAYMENT.CAPTURE.DENIED' | 'PAYMENT.CAPTURE.REFUNDED',
    captureId: string,
    options: { forged?: boolean; orderId?: string; eventId?: string } = {},
  ): Promise<{ status: number; event: Json; headers: Record<string, string>; body: string }> {
    const charge = this.charges.find((candidate) => candidate.captureId === captureId);
    const event = {
      id: options.eventId ?? paypalId('WH-'),
      create_time: now(),
      resource_type: 'capture',
      event_version: '1.0',
      event_type: eventType,
      summary: `Payment ${eventType.split('.').at(-1)?.toLowerCase()}`,
      resource_version: '2.0',
      resource: {
        id: captureId,
        status: eventType === 'PAYMENT.CAPTURE.COMPLETED' ? 'COMPLETED' : eventType.split('.').at(-1),
        amount: charge?.amount,
        invoice_id: charge?.invoiceId,
        supplementary_data: { related_ids: { order_id: options.orderId ?? charge?.orderId } },
      },
      links: [],
    };
    this.checkComponent('notifications_webhooks_v1.json', 'event', event, 'webhook event');
    const body = JSON.stringify(event);
    const transmissionId = randomUUID();
    const transmissionTime = now();
    const signature = options.forged
      ? randomBytes(32).toString('hex')
      : createHmac('sha256', this.signingKey)
          .update(`${transmissionId}|${transmissionTime}|${body}`)
          .digest('hex');
    if (!options.forged) this.transmissions.set(transmissionId, signature);
    const headers = {
      'content-type': 'application/json',
      'paypal-transmission-id': transmissionId,
      'paypal-transmission-time': transmissionTime,
      'paypal-transmission-sig': signature,
      'paypal-cert-url': `${this.baseUrl}/v1/notifications/certs/CERT-stand-in`,
      'paypal-auth-algo': 'SHA256withRSA',
    };
    const response = await fetch(url, { method: 'POST', headers, body });
    return { status: response.status, event, headers, body: await response.text() };
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    const route = ROUTES.find(([method, pattern]) => method === request.method && pattern.test(path));
    const operation = route?.[2];
    const requestId = request.headers['paypal-request-id'] as string | undefined;
    const received: ReceivedRequest = {
      operation: operation ?? 'unknown',
      method: request.method ?? '',
      path,
      requestId,
      replayed: false,
      status: 0,
    };
    this.requests.push(received);
    const answer = await this.answer(
      request,
      operation,
      route ? (path.match(route[1])?.[1] ?? '') : '',
      text,
      received,
    );
    received.status = answer.status;
    if (operation) this.checkAnswer(operation, answer);
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    response.end(JSON.stringify(answer.body));
  }

  private async answer(
    request: IncomingMessage,
    operation: PayPalOperation | undefined,
    id: string,
    text: string,
    received: ReceivedRequest,
  ): Promise<Answer> {
    if (!operation) {
      this.contractViolations.push(
        `${request.method} ${received.path} is not an endpoint the stand-in offers`,
      );
      return errorAnswer(404);
    }
    const fault = this.takeFault(operation);
    if (fault?.kind === 'slow') await delay(fault.delayMs);
    if (fault?.kind === 'server-error') return errorAnswer(fault.status ?? 500);
    if (fault?.kind === 'rate-limit') {
      return {
        status: 429,
        headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
        body: {
          name: 'RATE_LIMIT_REACHED',
          message: 'Too many requests. Blocked due to rate limiting.',
          debug_id: debugId(),
        },
      };
    }
    if (operation === 'token') return this.issueToken(request, text);
    if (fault?.kind === 'expired-token' || !this.authorized(request)) {
      return {
        status: 401,
        body: { error: 'invalid_token', error_description: 'The token passed in was found to be expired' },
      };
    }

    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      this.contractViolations.push(`${operation}: the body is not JSON`);
      return errorAnswer(400, ['MALFORMED_REQUEST_JSON']);
    }
    const document = DOCUMENT[operation]!;
    const problems = contract().checkRequest(document.file, document.path, document.method, {
      headers: request.headers as Record<string, string | undefined>,
      body,
    });
    if (STATE_CHANGING.has(operation) && !requestId(request))
      problems.push('header PayPal-Request-Id is missing');
    if (problems.length > 0) {
      this.contractViolations.push(...problems.map((problem) => `${operation}: ${problem}`));
      return errorAnswer(400, ['INVALID_PARAMETER_SYNTAX']);
    }

    const key = STATE_CHANGING.has(operation) ? `${operation}:${requestId(request)}` : undefined;
    const stored = key ? this.idempotent.get(key) : undefined;
    if (stored) {
      received.replayed = true;
      return stored;
    }
    const answer = this.carryOut(operation, id, body as Json, fault);
    if (key && answer.status < 500) this.idempotent.set(key, answer);
    return answer;
  }

  private carryOut(
    operation: PayPalOperation,
    id: string,
    body: Json,
    fault: PayPalFault | undefined,
  ): Answer {
    switch (operation) {
      case 'create-order':
        return this.createOrder(body);
      case 'get-order': {
        const stored = this.orders.get(id);
        return stored ? { status: 200, body: stored.order } : this.notFound();
      }
      case 'capture-order':
        return this.capture(id, fault?.kind === 'instrument-declined');
      case 'refund-capture':
        return this.refund(id, body);
      case 'verify-webhook-signature':
        return this.verify(body);
      default:
        throw new Error(`no handler for ${operation}`);
    }
  }

  private issueToken(request: IncomingMessage, text: string): Answer {
    const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    const form = new URLSearchParams(text);
    if (request.headers.authorization !== expected || form.get('grant_type') !== 'client_credentials') {
      if (form.get('grant_type') !== 'client_credentials')
        this.contractViolations.push('token: grant_type must be client_credentials');
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Client Authentication failed' },
      };
    }
    const token = `A21AA${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, Date.now() + this.tokenLifetimeSeconds * 1000);
    return {
      status: 200,
      body: {
        scope:
          'https://uri.paypal.com/services/payments/payment https://uri.paypal.com/services/payments/refund',
        access_token: token,
        token_type: 'Bearer',
        app_id: 'APP-STANDIN',
        expires_in: this.tokenLifetimeSeconds,
        nonce: `${now()}${randomBytes(8).toString('hex')}`,
      },
    };
  }

  private authorized(request: IncomingMessage): boolean {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const expiresAt = token ? this.tokens.get(token) : undefined;
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  private createOrder(request: Json): Answer {
    const unit = (request.purchase_units as Json[])[0]!;
    const invoiceId = unit.invoice_id as string | undefined;
    if (invoiceId && [...this.orders.values()].some((stored) => stored.invoiceId === invoiceId)) {
      return errorAnswer(422, ['DUPLICATE_INVOICE_ID'], '422');
    }
    const id = paypalId();
    const order = {
      id,
      intent: request.intent as string,
      status: this.autoApprove ? 'APPROVED' : 'PAYER_ACTION_REQUIRED',
      purchase_units: (request.purchase_units as Json[]).map((purchase) => ({
        ...purchase,
        reference_id: purchase.reference_id ?? 'default',
        payee: { merchant_id: 'STANDNMERCHAN' },
      })),
      create_time: now(),
      links: [
        { href: `${this.baseUrl}/v2/checkout/orders/${id}`, rel: 'self', method: 'GET' },
        { href: `${this.baseUrl}/checkoutnow?token=${id}`, rel: 'payer-action', method: 'GET' },
      ],
    };
    this.orders.set(id, { order, invoiceId });
    return { status: 201, body: order };
  }

  private capture(orderId: string, declined: boolean): Answer {
    const stored = this.orders.get(orderId);
    if (!stored) return this.notFound();
    if (stored.order.status === 'COMPLETED')
      return errorAnswer(422, ['ORDER_ALREADY_CAPTURED'], 'orders.capture-422');
    if (stored.order.status !== 'APPROVED')
      return errorAnswer(422, ['ORDER_NOT_APPROVED'], 'orders.capture-422');
    if (declined) return errorAnswer(422, ['INSTRUMENT_DECLINED'], 'orders.capture-422');
    const unit = stored.order.purchase_units[0]!;
    const captureId = paypalId();
    const amount = unit.amount as Charge['amount'];
    const capture = {
      id: captureId,
      status: 'COMPLETED',
      amount,
      final_capture: true,
      seller_protection: { status: 'NOT_ELIGIBLE' },
      custom_id: unit.custom_id,
      invoice_id: unit.invoice_id,
      create_time: now(),
      update_time: now(),
      links: [{ href: `${this.baseUrl}/v2/payments/captures/${captureId}`, rel: 'self', method: 'GET' }],
    };
    unit.payments = { captures: [capture] };
    stored.order.status = 'COMPLETED';
    stored.order.update_time = now();
    this.charges.push({ captureId, orderId, amount, invoiceId: stored.invoiceId, refunded: false });
    return { status: 201, body: stored.order };
  }

  private refund(captureId: string, request: Json): Answer {
    const charge = this.charges.find((candidate) => candidate.captureId === captureId);
    if (!charge) return this.notFound();
    if (charge.refunded) return errorAnswer(422, ['CAPTURE_FULLY_REFUNDED'], 'captures.refund-422');
    charge.refunded = true;
    const refundId = paypalId();
    return {
      status: 201,
      body: {
        id: refundId,
        status: 'COMPLETED',
        amount: (request.amount as Json | undefined) ?? charge.amount,
        create_time: now(),
        update_time: now(),
        links: [{ href: `${this.baseUrl}/v2/payments/refunds/${refundId}`, rel: 'self', method: 'GET' }],
      },
    };
  }

  private verify(request: Json): Answer {
    const genuine =
      request.webhook_id === this.webhookId &&
      typeof request.transmission_id === 'string' &&
      this.transmissions.get(request.transmission_id) === request.transmission_sig;
    return { status: 200, body: { verification_status: genuine ? 'SUCCESS' : 'FAILURE' } };
  }

  private notFound(): Answer {
    return errorAnswer(404, ['INVALID_RESOURCE_ID']);
  }

  private takeFault(operation: PayPalOperation): PayPalFault | undefined {
    const index = this.faults.findIndex(
      (entry) => entry.operation === undefined || entry.operation === operation,
    );
    if (index < 0) return undefined;
    const entry = this.faults[index]!;
    entry.times -= 1;
    if (entry.times <= 0) this.faults.splice(index, 1);
    return entry.fault;
  }

  private checkAnswer(operation: PayPalOperation, answer: Answer): void {
    const document = DOCUMENT[operation];
    const problems =
      operation === 'token'
        ? contract().checkUnpublished(answer.status === 200 ? 'token' : 'oauthError', answer.body)
        : answer.status === 429
          ? contract().checkUnpublished('rateLimited', answer.body)
          : contract().checkResponse(
              document!.file,
              document!.path,
              document!.method,
              answer.status,
              answer.body,
            );
    this.contractViolations.push(...problems.map((problem) => `${operation} answer: ${problem}`));
  }

  private checkComponent(file: string, schema: string, value: unknown, what: string): void {
    this.contractViolations.push(
      ...contract()
        .checkComponent(file, schema, value)
        .map((problem) => `${what}: ${problem}`),
    );
  }
}

function requestId(request: IncomingMessage): string | undefined {
  const value = request.headers['paypal-request-id'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export const startPayPalStandIn = () => PayPalStandIn.start();
