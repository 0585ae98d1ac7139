import type { EntitlementDecision } from '../domain/entitlement.js';
import { planAllows } from '../domain/plan.js';
import type { Plans } from './plans.js';
import { type Cache, cacheKeys, type SubscriptionRepository } from './ports.js';

/**
 * The facade other domains call: which features an account's plan allows. Both lookups it needs
 * (account → plan, plan → features) are cached and invalidated by the writes that change them.
 */
export class Entitlements {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly plans: Plans,
    private readonly cache: Cache,
  ) {}

  private planIdOf(accountId: string): Promise<string | null> {
    return this.cache.get(
      cacheKeys.accountPlan(accountId),
      async () => (await this.subscriptions.activeForAccount(accountId))?.planId ?? null,
    );
  }

  async decide(accountId: string, feature: string): Promise<EntitlementDecision> {
    const planId = await this.planIdOf(accountId);
    if (!planId)
      return { accountId, feature, allowed: false, planId: null, reason: 'no-active-subscription' };
    const plan = await this.plans.get(planId);
    if (!plan.active) return { accountId, feature, allowed: false, planId, reason: 'plan-inactive' };
    const allowed = planAllows(plan, feature);
    return {
      accountId,
      feature,
      allowed,
      planId,
      reason: allowed ? 'plan-includes-feature' : 'plan-excludes-feature',
    };
  }

  async list(accountId: string): Promise<{ accountId: string; planId: string | null; features: string[] }> {
    const planId = await this.planIdOf(accountId);
    if (!planId) return { accountId, planId: null, features: [] };
    const plan = await this.plans.get(planId);
    return { accountId, planId, features: plan.active ? plan.features : [] };
  }
}
