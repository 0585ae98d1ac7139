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

export interface PaymentRepository {
  /**
   * Opens an order under a lock on the subscription row (SELECT … FOR UPDATE): `open` sees the
   * subscription and how many of its orders are still open, and returns the payment to store
   * (its gateway call runs while the lock is held, so concurrent requests cannot exceed the limit).
   */
  createLocked(
    tenantId: string,
    subscriptionId: string,
    open: (
      subscription: { status: SubscriptionStatus; planId: string; accountId: string } | undefined,
      openOrders: number,
    ) => Promise<Payment>,
  ): Promise<Payment>;
  get(tenantId: string, id: string): Promise<Payment | undefined>;
  /**
   * Locks the payment row (SELECT … FOR UPDATE) for one transaction, lets `decide` look at it (and
   * call the gateway) and records the move it returns. Concurrent calls for one payment queue on
   * the lock, so each sees the state the previous one left. Undefined: no such payment.
   */
  moveLocked(
    tenantId: string,
    id: string,
    decide: (payment: Payment) => Promise<PaymentMove>,
    at: () => Date,
  ): Promise<Payment | undefined>;
  list(
    tenantId: string,
    filter: { subscriptionId?: string; status?: PaymentStatus } & PageRequest,
  ): Promise<Payment[]>;
}

export type CaptureOutcome =
  | { outcome: 'captured'; captureId: string }
  | { outcome: 'declined'; reason: string };

/**
 * The PayPal port (Orders v2 shaped): the only way money moves. Adapters: a recording one for tests
 * and local runs; production plugs the PayPal REST adapter in behind the same interface.
 */
export interface PaymentGateway {
  readonly provider: string;
  createOrder(input: {
    reference: string;
    amountCents: number;
    currency: string;
    description: string;
  }): Promise<{
    orderId: string;
  }>;
  captureOrder(orderId: string): Promise<CaptureOutcome>;
  refundCapture(captureId: string, amountCents: number, currency: string): Promise<{ refundId: string }>;
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
