import { NotFoundError } from '../../kit/index.js';
import type { EntitlementDecision } from '../domain/entitlement.js';
import { planAllows } from '../domain/plan.js';
import { grantsFeatures } from '../domain/subscription.js';
import type { Plans } from './plans.js';
import { cacheKeys, type SubscriptionRepository, type TenantAnswers } from './ports.js';

/**
 * The facade other domains call: which features an account's plan allows. The account is the
 * tenant, so a caller asks about its own tenant only (another account is "not found", whether or
 * not it exists). The tenant's granted plan is cached per tenant (short TTL, cleared when the
 * subscription changes); the plan's features come from the catalogue cache, cleared when it changes.
 */
export class Entitlements {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly plans: Plans,
    private readonly answers: TenantAnswers,
  ) {}

  /** The account is the tenant: naming another one finds nothing, whether or not it exists. */
  assertOwnAccount(tenantId: string, accountId: string): void {
    if (accountId !== tenantId) throw new NotFoundError('account', accountId);
  }

  private grantedPlanId(tenantId: string, accountId: string): Promise<string | null> {
    this.assertOwnAccount(tenantId, accountId);
    return this.answers.get(tenantId, cacheKeys.grantedPlan, async () => {
      const open = await this.subscriptions.openForAccount(tenantId, accountId);
      return open && grantsFeatures(open) ? open.planId : null;
    });
  }

  async decide(tenantId: string, accountId: string, feature: string): Promise<EntitlementDecision> {
    const planId = await this.grantedPlanId(tenantId, accountId);
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

  async list(
    tenantId: string,
    accountId: string,
  ): Promise<{ accountId: string; planId: string | null; features: string[] }> {
    const planId = await this.grantedPlanId(tenantId, accountId);
    if (!planId) return { accountId, planId: null, features: [] };
    const plan = await this.plans.get(planId);
    return { accountId, planId, features: plan.active ? plan.features : [] };
  }
}
