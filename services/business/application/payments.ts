import { randomUUID } from 'node:crypto';
import {
  conflict,
  DependencyUnavailableError,
  HttpProblem,
  notFound,
  type Page,
  problemType,
  toPage,
} from '../../kit/index.js';
import { canTransition, type Payment, type PaymentStatus } from '../domain/payment.js';
import type { Plans } from './plans.js';
import type { Clock, PageRequest, PaymentGateway, PaymentRepository } from './ports.js';
import { unknownReference } from './problems.js';
import type { Subscriptions } from './subscriptions.js';

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

export class Payments {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly subscriptions: Subscriptions,
    private readonly plans: Plans,
    private readonly gateway: PaymentGateway,
    private readonly clock: Clock,
  ) {}

  /** Opens a provider order for the subscription's plan price and records it as `created`. */
  async start(subscriptionId: string): Promise<Payment> {
    const subscription = await this.subscriptions.find(subscriptionId);
    if (!subscription)
      throw unknownReference('subscriptionId', `subscription ${subscriptionId} does not exist`);
    if (subscription.status !== 'active') {
      throw new HttpProblem(422, `subscription ${subscriptionId} is ${subscription.status}`, {
        type: problemType('subscription-not-active'),
      });
    }
    const plan = await this.plans.get(subscription.planId);
    const id = randomUUID();
    const order = await callGateway(this.gateway.provider, () =>
      this.gateway.createOrder({
        reference: id,
        amountCents: plan.priceCents,
        currency: plan.currency,
        description: `${plan.name} (${plan.billingPeriod})`,
      }),
    );
    const now = this.clock.now().toISOString();
    return this.payments.create({
      id,
      subscriptionId,
      accountId: subscription.accountId,
      amountCents: plan.priceCents,
      currency: plan.currency,
      status: 'created',
      provider: this.gateway.provider,
      providerOrderId: order.orderId,
      createdAt: now,
      updatedAt: now,
      transitions: [
        { from: null, to: 'created', at: now, reason: 'order created', providerReference: order.orderId },
      ],
    });
  }

  async get(id: string): Promise<Payment> {
    const payment = await this.payments.get(id);
    if (!payment) throw notFound(`payment ${id} does not exist`);
    return payment;
  }

  async capture(id: string): Promise<Payment> {
    const payment = await this.requireMove(id, 'captured');
    const result = await callGateway(this.gateway.provider, () =>
      this.gateway.captureOrder(payment.providerOrderId),
    );
    return result.outcome === 'captured'
      ? this.move(payment, 'captured', 'captured by provider', result.captureId)
      : this.move(payment, 'failed', `declined: ${result.reason}`, null);
  }

  async refund(id: string): Promise<Payment> {
    const payment = await this.requireMove(id, 'refunded');
    const captureId = payment.transitions.find((t) => t.to === 'captured')?.providerReference;
    if (!captureId) throw conflict(`payment ${id} has no recorded capture`);
    const refund = await callGateway(this.gateway.provider, () =>
      this.gateway.refundCapture(captureId, payment.amountCents, payment.currency),
    );
    return this.move(payment, 'refunded', 'refunded by provider', refund.refundId);
  }

  async list(
    filter: { accountId?: string; subscriptionId?: string; status?: PaymentStatus } & PageRequest,
  ): Promise<Page<Payment>> {
    return toPage(await this.payments.list({ ...filter, limit: filter.limit + 1 }), filter.limit, position);
  }

  private async requireMove(id: string, to: PaymentStatus): Promise<Payment> {
    const payment = await this.get(id);
    if (!canTransition(payment.status, to))
      throw conflict(`payment ${id} is ${payment.status}; it cannot become ${to}`);
    return payment;
  }

  private async move(payment: Payment, to: PaymentStatus, reason: string, providerReference: string | null) {
    const moved = await this.payments.transition(payment.id, {
      from: payment.status,
      to,
      reason,
      providerReference,
      at: this.clock.now(),
    });
    if (!moved) throw conflict(`payment ${payment.id} changed while it was being processed`);
    return moved;
  }
}
