import { z } from 'zod';
import { AccessTokenCache } from './access-token.js';
import { CircuitBreaker } from './circuit-breaker.js';
import type { PayPalConfig } from './config.js';
import { PayPalApiError, PayPalUnavailableError } from './errors.js';
import type { Notifications, Orders, Payments } from './paypal-api.generated.js';
import { payPalRequestId } from './request-id.js';
import { parseRetryAfter, type RetryPolicy, retryDelayMs } from './retry.js';

export type OrderRequest = Orders.components['schemas']['order_request'];
export type Order = Orders.components['schemas']['order'];
export type RefundRequest = Payments.components['schemas']['refund_request'];
export type Refund = Payments.components['schemas']['refund'];
export type VerifyWebhookSignature = Notifications.components['schemas']['verify_webhook_signature'];
export type VerificationStatus =
  Notifications.components['schemas']['verify_webhook_signature_response']['verification_status'];

/** The token endpoint is not in the published documents; its answer is checked here. */
const tokenAnswer = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().int().positive(),
});

const errorBody = z
  .object({
    name: z.string().optional(),
    message: z.string().optional(),
    debug_id: z.string().optional(),
    details: z
      .array(
        z.object({ issue: z.string(), description: z.string().optional(), field: z.string().optional() }),
      )
      .optional(),
    error: z.string().optional(),
    error_description: z.string().optional(),
  })
  .loose();

export interface PayPalClientOptions extends Omit<PayPalConfig, 'webhookId'> {
  /** Backoff between attempts; defaults to 200 ms doubling up to 5 s. */
  retry?: Omit<RetryPolicy, 'maxAttempts'>;
  /** Refresh the token this long before PayPal says it expires (default 5 minutes). */
  tokenRefreshEarlyMs?: number;
  now?: () => number;
}

interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  requestId?: string;
}

/** A retryable outcome of one attempt: 5xx, 429 or no answer at all. */
class TransientFailure extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A small typed client for the PayPal REST calls Business makes, over `fetch`. Every call has a
 * timeout; 5xx, 429 and network failures are retried with jittered backoff (Retry-After honoured)
 * up to `maxAttempts`, 4xx never; state-changing calls carry a `PayPal-Request-Id` derived from our
 * idempotency key, which is what makes those retries safe. Consecutive failed calls open a circuit.
 */
export class PayPalClient {
  private readonly tokens: AccessTokenCache;
  private readonly circuit: CircuitBreaker;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: PayPalClientOptions) {
    this.retry = { maxAttempts: options.maxAttempts, baseDelayMs: 200, maxDelayMs: 5_000, ...options.retry };
    this.tokens = new AccessTokenCache(() => this.issueToken(), {
      refreshEarlyMs: options.tokenRefreshEarlyMs ?? 300_000,
      now: options.now,
    });
    this.circuit = new CircuitBreaker({
      failureThreshold: options.circuitFailures,
      openMs: options.circuitOpenMs,
      now: options.now,
    });
  }

  get circuitState() {
    return this.circuit.state;
  }

  createOrder(order: OrderRequest, idempotencyKey: string): Promise<Order> {
    return this.call({
      method: 'POST',
      path: '/v2/checkout/orders',
      body: order,
      requestId: payPalRequestId('create-order', idempotencyKey),
    });
  }

  captureOrder(orderId: string, idempotencyKey: string): Promise<Order> {
    return this.call({
      method: 'POST',
      path: `/v2/checkout/orders/${encodeURIComponent(orderId)}/capture`,
      body: {},
      requestId: payPalRequestId('capture-order', idempotencyKey),
    });
  }

  refundCapture(captureId: string, refund: RefundRequest, idempotencyKey: string): Promise<Refund> {
    return this.call({
      method: 'POST',
      path: `/v2/payments/captures/${encodeURIComponent(captureId)}/refund`,
      body: refund,
      requestId: payPalRequestId('refund-capture', idempotencyKey),
    });
  }

  /** The order as PayPal has it now (reconciliation after a timeout). */
  getOrder(orderId: string): Promise<Order> {
    return this.call({ method: 'GET', path: `/v2/checkout/orders/${encodeURIComponent(orderId)}` });
  }

  /** Asks PayPal whether a webhook delivery is genuine (changes nothing, so no request id). */
  async verifyWebhookSignature(verification: VerifyWebhookSignature): Promise<VerificationStatus> {
    const answer = await this.call<{ verification_status?: unknown }>({
      method: 'POST',
      path: '/v1/notifications/verify-webhook-signature',
      body: verification,
    });
    return answer.verification_status === 'SUCCESS' ? 'SUCCESS' : 'FAILURE';
  }

  private call<T>(call: Call): Promise<T> {
    return this.circuit.run(
      () => this.withRetries(() => this.authorizedAttempt<T>(call), `${call.method} ${call.path}`),
      (error) => error instanceof PayPalUnavailableError,
    );
  }

  /** One attempt with a bearer token; a token PayPal calls invalid is replaced and tried once more. */
  private async authorizedAttempt<T>(call: Call): Promise<T> {
    for (let refreshed = false; ; refreshed = true) {
      const token = await this.tokens.token();
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
      };
      if (call.body !== undefined) headers['content-type'] = 'application/json';
      if (call.requestId) headers['paypal-request-id'] = call.requestId;
      const response = await this.attempt(call.path, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      });
      if (response.status === 401 && !refreshed) {
        this.tokens.discard(token);
        continue;
      }
      return (await this.readAnswer(response)) as T;
    }
  }

  private async issueToken() {
    const credentials = Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`).toString(
      'base64',
    );
    const issue = async () => {
      const response = await this.attempt('/v1/oauth2/token', {
        method: 'POST',
        headers: {
          authorization: `Basic ${credentials}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
      });
      const parsed = tokenAnswer.safeParse(await this.readAnswer(response));
      if (!parsed.success)
        throw new PayPalUnavailableError('paypal answered the token request without a token');
      return parsed.data;
    };
    const answer = await this.withRetries(issue, 'POST /v1/oauth2/token');
    return { token: answer.access_token, expiresAt: this.now() + answer.expires_in * 1000 };
  }

  /** One HTTP exchange with a timeout; 5xx, 429 and network failures become TransientFailure. */
  private async attempt(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl}${path}`, {
        ...init,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new TransientFailure(
        `no answer within ${this.options.timeoutMs} ms or no connection`,
        undefined,
        error,
      );
    }
    if (response.status === 429 || response.status >= 500) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.now());
      const detail = await this.describeError(response);
      throw new TransientFailure(`answered ${response.status}${detail}`, retryAfterMs);
    }
    return response;
  }

  private async readAnswer(response: Response): Promise<unknown> {
    const text = await response.text();
    const body: unknown = text === '' ? {} : JSON.parse(text);
    if (response.ok) return body;
    const error = errorBody.safeParse(body);
    const fields = error.success ? error.data : {};
    throw new PayPalApiError(
      response.status,
      fields.name ?? fields.error ?? `HTTP_${response.status}`,
      fields.details ?? [],
      fields.debug_id,
      fields.message ?? fields.error_description ?? response.statusText,
    );
  }

  private async describeError(response: Response): Promise<string> {
    const parsed = errorBody.safeParse(await response.json().catch(() => ({})));
    const name = parsed.success ? (parsed.data.name ?? parsed.data.error) : undefined;
    const debugId = parsed.success ? parsed.data.debug_id : undefined;
    return `${name ? ` ${name}` : ''}${debugId ? ` (debug_id ${debugId})` : ''}`;
  }

  private async withRetries<T>(attempt: () => Promise<T>, what: string): Promise<T> {
    for (let number = 1; ; number += 1) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof TransientFailure)) throw error;
        if (number >= this.retry.maxAttempts) {
          throw new PayPalUnavailableError(
            `paypal is unavailable: ${what} ${error.message} (${number} attempt${number === 1 ? '' : 's'})`,
            error,
          );
        }
        await sleep(retryDelayMs(number, this.retry, error.retryAfterMs));
      }
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
