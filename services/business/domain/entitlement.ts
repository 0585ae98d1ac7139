import type { Feature } from './plan.js';

/** The facade's answer to "may this account use this feature?". */
export interface EntitlementDecision {
  accountId: string;
  feature: Feature;
  allowed: boolean;
  planId: string | null;
  reason: 'plan-includes-feature' | 'plan-excludes-feature' | 'no-active-subscription' | 'plan-inactive';
}
