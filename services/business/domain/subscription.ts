export const SUBSCRIPTION_STATUSES = ['active', 'cancelled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** An account's subscription to a plan; an account has at most one active subscription. */
export interface Subscription {
  id: string;
  accountId: string;
  planId: string;
  status: SubscriptionStatus;
  startedAt: string;
  cancelledAt: string | null;
  createdAt: string;
}
