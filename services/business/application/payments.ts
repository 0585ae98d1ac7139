import {
  ConflictError,
  DependencyUnavailableError,
  HttpProblem,
  NotFoundError,
  type Page,
  toPage,
  UnprocessableError,
} from '../../kit/index.js';
import type { UseCaseContext } from '../../shared/use-case-context.js';
import {
  canTransition,
  MAX_OPEN_ORDERS_PER_SUBSCRIPTION,
  type Payment,
  type PaymentStatus,
} from '../domain/payment.js';
import { billingPeriodAt } from '../domain/plan.js';
import type { Plans } from './plans.js';
import type { PageRequest, PaymentGateway, PaymentMove, PaymentRepository, TenantAnswers } from './ports.js';

/** What a payment request brings besides its target: the client's Idempotency-Key, when sent. */
export interface PaymentRequest {
  idempotencyKey?: string;
}

/**
 * The key the gateway derives the provider's request id from: the client's Idempotency-Key, scoped
 * by tenant and by what the request acts on, so one tenant's key can never replay another's call.
 */
function gatewayKey(tenantId: string, subject: string, request: PaymentRequest): string | undefined {
  return request.idempotencyKey === undefined
    ? undefined
    : `${tenantId}/${subject}/${request.idempotencyKey}`;
}

const position = (payment: Payment) => ({ sortKey: payment.createdAt, id: payment.id });

/** Gateway failures other than a decline mean the provider is unavailable: 503, nothing recorded. */
async function callGateway<T>(provider: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw new DependencyUnavailableError(provider, `${provider} is unavailable`, error);
  }
}

function requireMove(payment: Payment, to: PaymentStatus): void {
  if (!canTransition(payment.status, to))
    throw new ConflictError(`payment ${payment.id} is ${payment.status}; it cannot become ${to}`);
}

/**
 * A tenant's payments. Every change runs under a row lock held across the gateway call, so two
 * concurrent captures or refunds of one payment reach the provider once: the second waits, then
 * finds the payment already moved (409).
 */
export class Payments {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly plans: Plans,
    private readonly gateway: PaymentGateway,
    private readonly answers: TenantAnswers,
    private readonly context: UseCaseContext,
  ) {}

  /**
   * Opens a provider order for the subscription's plan price and the current billing period, and
   * records it as `created`. The order names the subscription and the period, so the provider
   * refuses a second order of one period while an earlier one can still be paid.
   */
  start(tenantId: string, subscriptionId: string, request: PaymentRequest = {}): Promise<Payment> {
    return this.payments.createLocked(tenantId, subscriptionId, async (subscription, orders) => {
      if (!subscription)
        throw new UnprocessableError('subscriptionId', `subscription ${subscriptionId} does not exist`);
      if (subscription.status === 'cancelled')
        throw new UnprocessableError('subscriptionId', `subscription ${subscriptionId} is cancelled`);
      if (orders.open >= MAX_OPEN_ORDERS_PER_SUBSCRIPTION) {
        throw new ConflictError(
          `subscription ${subscriptionId} already has ${orders.open} open orders (at most ${MAX_OPEN_ORDERS_PER_SUBSCRIPTION}); capture or cancel one first`,
        );
      }
      const plan = await this.plans.get(subscription.planId);
      const id = this.context.newId();
      const billingPeriod = billingPeriodAt(plan.billingPeriod, this.context.now());
      const attempt = (await orders.endedUnpaidIn(billingPeriod)) + 1;
      const order = await callGateway(this.gateway.provider, () =>
        this.gateway.createOrder({
          reference: id,
          amountCents: plan.priceCents,
          currency: plan.currency,
          description: `${plan.name} (${plan.billingPeriod})`,
          subscriptionId,
          billingPeriod,
          attempt,
          idempotencyKey: gatewayKey(tenantId, subscriptionId, request),
        }),
      );
      const now = this.context.now().toISOString();
      return {
        id,
        subscriptionId,
        accountId: subscription.accountId,
        amountCents: plan.priceCents,
        currency: plan.currency,
        status: 'created',
        provider: this.gateway.provider,
        providerOrderId: order.orderId,
        billingPeriod,
        createdAt: now,
        updatedAt: now,
        transitions: [
          { from: null, to: 'created', at: now, reason: 'order created', providerReference: order.orderId },
        ],
      };
    });
  }

  async get(tenantId: string, id: string): Promise<Payment> {
    const payment = await this.payments.get(tenantId, id);
    if (!payment) throw new NotFoundError('payment', id);
    return payment;
  }

  /** Captures the order; the first captured payment activates a pending subscription. */
  async capture(tenantId: string, id: string, request: PaymentRequest = {}): Promise<Payment> {
    const payment = await this.move(tenantId, id, async (locked) => {
      requireMove(locked, 'captured');
      const result = await callGateway(this.gateway.provider, () =>
        this.gateway.captureOrder(locked.providerOrderId, {
          idempotencyKey: gatewayKey(tenantId, id, request),
        }),
      );
      return result.outcome === 'captured'
        ? {
            to: 'captured',
            reason: 'captured by provider',
            providerReference: result.captureId,
            activatesSubscription: true,
          }
        : { to: 'failed', reason: `declined: ${result.reason}`, providerReference: null };
    });
    if (payment.status === 'captured') await this.answers.clearTenant(tenantId);
    return payment;
  }

  refund(tenantId: string, id: string, request: PaymentRequest = {}): Promise<Payment> {
    return this.move(tenantId, id, async (locked) => {
      requireMove(locked, 'refunded');
      const captureId = locked.transitions.find((t) => t.to === 'captured')?.providerReference;
      if (!captureId) throw new ConflictError(`payment ${id} has no recorded capture`);
      const refund = await callGateway(this.gateway.provider, () =>
        this.gateway.refundCapture(captureId, locked.amountCents, locked.currency, {
          idempotencyKey: gatewayKey(tenantId, id, request),
        }),
      );
      return { to: 'refunded', reason: 'refunded by provider', providerReference: refund.refundId };
    });
  }

  /** Cancels an order that was never captured (the provider lets an uncaptured order lapse). */
  cancel(tenantId: string, id: string, _request: PaymentRequest = {}): Promise<Payment> {
    return this.move(tenantId, id, async (locked) => {
      requireMove(locked, 'cancelled');
      return { to: 'cancelled', reason: 'order cancelled before capture', providerReference: null };
    });
  }

  async list(
    tenantId: string,
    filter: { subscriptionId?: string; status?: PaymentStatus } & PageRequest,
  ): Promise<Page<Payment>> {
    return toPage(
      await this.payments.list(tenantId, { ...filter, limit: filter.limit + 1 }),
      filter.limit,
      position,
    );
  }

  private async move(
    tenantId: string,
    id: string,
    decide: (payment: Payment) => Promise<PaymentMove>,
  ): Promise<Payment> {
    const moved = await this.payments.moveLocked(tenantId, id, decide, () => this.context.now());
    if (!moved) throw new NotFoundError('payment', id);
    return moved;
  }
}
