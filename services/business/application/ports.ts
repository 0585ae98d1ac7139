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

/** List methods return up to `limit + 1` rows so the caller can tell whether another page exists. */
export interface PlanRepository {
  create(plan: NewPlan, at: Date): Promise<Plan>;
  get(id: string): Promise<Plan | undefined>;
  update(id: string, changes: PlanChanges, at: Date): Promise<Plan | undefined>;
  list(filter: { active?: boolean } & PageRequest): Promise<Plan[]>;
}

export interface SubscriptionRepository {
  /** Throws `conflict` when the account already has an active subscription. */
  create(subscription: Subscription): Promise<Subscription>;
  get(id: string): Promise<Subscription | undefined>;
  activeForAccount(accountId: string): Promise<Subscription | undefined>;
  cancel(id: string, at: Date): Promise<Subscription | undefined>;
  list(
    filter: { accountId?: string; planId?: string; status?: SubscriptionStatus } & PageRequest,
  ): Promise<Subscription[]>;
}

export interface PaymentRepository {
  /** Stores the payment and its first transition in one transaction. */
  create(payment: Payment): Promise<Payment>;
  get(id: string): Promise<Payment | undefined>;
  /**
   * Moves the payment from `from` to `to` and records the transition, atomically; returns
   * undefined when the payment was no longer in `from` (someone else moved it first).
   */
  transition(
    id: string,
    move: {
      from: PaymentStatus;
      to: PaymentStatus;
      reason: string;
      providerReference: string | null;
      at: Date;
    },
  ): Promise<Payment | undefined>;
  list(
    filter: { accountId?: string; subscriptionId?: string; status?: PaymentStatus } & PageRequest,
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

/** Read-through cache (Redis in production); see `ReadThroughCache` in the kit. */
export interface Cache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  invalidate(...keys: string[]): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const cacheKeys = {
  plan: (planId: string) => `plan:${planId}`,
  accountPlan: (accountId: string) => `account-plan:${accountId}`,
};
