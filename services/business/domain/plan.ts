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
