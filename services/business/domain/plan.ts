/** What the platform lets a subscriber use: a feature key such as `promptads.campaigns`. */
export type Feature = string;

export const FEATURE_PATTERN = '^[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*)+$';

export type BillingPeriod = 'monthly' | 'yearly';

export interface Plan {
  id: string;
  name: string;
  priceCents: number;
  currency: string;
  billingPeriod: BillingPeriod;
  /** The entitlements: features a subscription to this plan allows. */
  features: Feature[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export const planAllows = (plan: Pick<Plan, 'features' | 'active'>, feature: Feature) =>
  plan.active && plan.features.includes(feature);

/**
 * The billing period a payment made at `at` pays: the calendar month (`2026-11`) of a monthly plan,
 * the calendar year (`2026`) of a yearly one, in UTC. With the subscription it names the invoice.
 */
export function billingPeriodAt(period: BillingPeriod, at: Date): string {
  const iso = at.toISOString();
  return period === 'monthly' ? iso.slice(0, 7) : iso.slice(0, 4);
}
