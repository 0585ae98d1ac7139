export const SUBSCRIPTION_STATUSES = ['pending', 'active', 'cancelled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * An account's subscription to a plan. It is `pending` (grants nothing) until its first payment
 * is captured, then `active`; an account has at most one open (pending or active) subscription.
 * The account is the tenant: `accountId` is the tenant id.
 */
export interface Subscription {
  id: string;
  accountId: string;
  planId: string;
  status: SubscriptionStatus;
  startedAt: string;
  cancelledAt: string | null;
  createdAt: string;
}

/** Only a paid-up (active) subscription grants its plan's features. */
export const grantsFeatures = (subscription: Pick<Subscription, 'status'>) =>
  subscription.status === 'active';
