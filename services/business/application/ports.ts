import type { CursorPosition } from '../../kit/index.js';
import type { Payment, PaymentStatus } from '../domain/payment.js';
import type { BillingPeriod, Plan } from '../domain/plan.js';
import type { Subscription, SubscriptionStatus } from '../domain/subscription.js';

export interface PageRequest {
  limit: number;
  after?: CursorPosition;
}

export interface NewPlan {
  id: string;
  name: string;
  priceCents: number;
  currency: string;
  billingPeriod: BillingPeriod;
  features: string[];
  active: boolean;
}

export type PlanChanges = Partial<Omit<NewPlan, 'id'>>;

/**
 * Plans are the platform's catalogue, the same for every tenant. Everything else is a tenant's:
 * MySQL has no row-level security, so every repository method below takes the tenant and every
 * query it runs filters by `tenant_id` (a row of another tenant is "not found").
 * List methods return up to `limit + 1` rows so the caller can tell whether another page exists.
 */
export interface PlanRepository {
  create(plan: NewPlan, at: Date): Promise<Plan>;
  get(id: string): Promise<Plan | undefined>;
  update(id: string, changes: PlanChanges, at: Date): Promise<Plan | undefined>;
  list(filter: { active?: boolean } & PageRequest): Promise<Plan[]>;
}

export interface SubscriptionRepository {
  /** Throws `ConflictError` when the account already has an open (pending or active) subscription. */
  create(tenantId: string, subscription: Subscription): Promise<Subscription>;
  get(tenantId: string, id: string): Promise<Subscription | undefined>;
  /** The account's open subscription, pending or active. */
  openForAccount(tenantId: string, accountId: string): Promise<Subscription | undefined>;
  cancel(tenantId: string, id: string, at: Date): Promise<Subscription | undefined>;
  list(
    tenantId: string,
    filter: { planId?: string; status?: SubscriptionStatus } & PageRequest,
  ): Promise<Subscription[]>;
}

/** A payment's move, recorded with its transition; a capture may also activate the subscription. */
export interface PaymentMove {
  to: PaymentStatus;
  reason: string;
  providerReference: string | null;
  activatesSubscription?: boolean;
}

/** What `createLocked` shows about the subscription a payment is opened for. */
export interface LockedSubscription {
  status: SubscriptionStatus;
  planId: string;
  accountId: string;
}

/** The subscription's orders: how many are open, and how many of a billing period ended unpaid. */
export interface SubscriptionOrders {
  open: number;
  /** Payments of `period` that failed or were cancelled (their invoice ids are used up). */
  endedUnpaidIn(period: string): Promise<number>;
}

/** A provider's event about one of our orders, resolved to our payment (and so to its tenant). */
export interface ProviderEvent {
  provider: string;
  eventId: string;
  eventType: string;
  /** Our stored order is found by the provider's order id or, failing that, its capture id. */
  orderId?: string;
  captureId?: string;
}

export type ProviderEventOutcome =
  | { outcome: 'applied' | 'unchanged'; tenantId: string; payment: Payment }
  | { outcome: 'replayed'; tenantId: string; paymentId: string }
  | { outcome: 'unknown-order' };

/** A payment to settle with the provider, across tenants (the system's reconciliation job). */
export interface UnsettledPayment {
  tenantId: string;
  id: string;
  providerOrderId: string;
}

export interface PaymentRepository {
  /**
   * Opens an order under a lock on the subscription row (SELECT … FOR UPDATE): `open` sees the
   * subscription and its orders, and returns the payment to store (its gateway call runs while
   * the lock is held, so concurrent requests cannot exceed the limit or share a billing period).
   */
  createLocked(
    tenantId: string,
    subscriptionId: string,
    open: (subscription: LockedSubscription | undefined, orders: SubscriptionOrders) => Promise<Payment>,
  ): Promise<Payment>;
  get(tenantId: string, id: string): Promise<Payment | undefined>;
  /**
   * Locks the payment row (SELECT … FOR UPDATE) for one transaction, lets `decide` look at it (and
   * call the gateway) and records the move it returns. Concurrent calls for one payment queue on
   * the lock, so each sees the state the previous one left. Undefined: no such payment. `decide`
   * returning null records nothing.
   */
  moveLocked(
    tenantId: string,
    id: string,
    decide: (payment: Payment) => Promise<PaymentMove | null>,
    at: () => Date,
  ): Promise<Payment | undefined>;
  /**
   * Applies a provider event in one transaction: finds our payment by the event's order or capture
   * id (the tenant is the payment's, never the event's), records the event id (unique: a
   * redelivery is `replayed` and changes nothing) and the move `decide` returns, if any.
   */
  applyProviderEvent(
    event: ProviderEvent,
    decide: (payment: Payment) => PaymentMove | null,
    at: Date,
  ): Promise<ProviderEventOutcome>;
  /** Open orders of `provider` untouched since `before`, oldest first, of every tenant. */
  unsettled(provider: string, before: Date, limit: number): Promise<UnsettledPayment[]>;
  list(
    tenantId: string,
    filter: { subscriptionId?: string; status?: PaymentStatus } & PageRequest,
  ): Promise<Payment[]>;
}

export type CaptureOutcome =
  | { outcome: 'captured'; captureId: string }
  | { outcome: 'declined'; reason: string };

/** The order Business asks the provider to open: one billing period of a subscription. */
export interface OrderToCreate {
  /** Our payment id. */
  reference: string;
  amountCents: number;
  currency: string;
  description: string;
  subscriptionId?: string;
  /** The billing period the order pays, e.g. "2026-11": with the subscription it makes the invoice id. */
  billingPeriod?: string;
  /** 1 for the period's first order; n for the n-th after earlier ones failed or were cancelled. */
  attempt?: number;
  /** Derived from the request's Idempotency-Key: a retried request reaches the provider as the same one. */
  idempotencyKey?: string;
}

/** Per-call options: the key derived from the request's Idempotency-Key, when the caller sent one. */
export interface GatewayCallOptions {
  idempotencyKey?: string;
}

/**
 * The PayPal port (Orders v2 shaped): the only way money moves. Adapters: PayPal's REST API, a
 * recording one for tests and local runs, and a disabled one.
 */
export interface PaymentGateway {
  readonly provider: string;
  createOrder(input: OrderToCreate): Promise<{ orderId: string }>;
  captureOrder(orderId: string, options?: GatewayCallOptions): Promise<CaptureOutcome>;
  refundCapture(
    captureId: string,
    amountCents: number,
    currency: string,
    options?: GatewayCallOptions,
  ): Promise<{ refundId: string }>;
}

/** Where an order stands at the provider now (reconciliation). */
export type OrderState =
  | CaptureOutcome
  | { outcome: 'pending'; status: string }
  /** The provider does not know the order (it expired unpaid). */
  | { outcome: 'missing' };

export interface OrderLookup {
  readonly provider: string;
  orderState(orderId: string): Promise<OrderState>;
}

/** A webhook delivery as received: its transmission headers and the parsed event. */
export interface WebhookDelivery {
  headers: Record<string, string>;
  event: Record<string, unknown>;
}

/** Asks the provider whether a webhook delivery is genuine. */
export interface WebhookVerifier {
  verify(delivery: WebhookDelivery): Promise<boolean>;
}

/** Read-through cache of the platform's catalogue (Redis in production); see `ReadThroughCache`. */
export interface Cache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  invalidate(...keys: string[]): Promise<void>;
}

/** Read-through cache of a tenant's answers; see `TenantCache` in the kit. */
export interface TenantAnswers {
  get<T>(tenantId: string, key: string, load: () => Promise<T>): Promise<T>;
  clearTenant(tenantId: string): Promise<void>;
}

export const cacheKeys = {
  plan: (planId: string) => `plan:${planId}`,
  /** Within a tenant's entries: the plan its open, paid-up subscription grants (or null). */
  grantedPlan: 'granted-plan',
};
