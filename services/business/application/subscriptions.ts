import { NotFoundError, type Page, toPage, UnprocessableError } from '../../kit/index.js';
import type { UseCaseContext } from '../../shared/use-case-context.js';
import type { Subscription, SubscriptionStatus } from '../domain/subscription.js';
import type { Plans } from './plans.js';
import type { PageRequest, SubscriptionRepository, TenantAnswers } from './ports.js';

const position = (subscription: Subscription) => ({ sortKey: subscription.createdAt, id: subscription.id });

/** A tenant's subscriptions. The account is the tenant, so a tenant subscribes itself only. */
export class Subscriptions {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly plans: Plans,
    private readonly answers: TenantAnswers,
    private readonly context: UseCaseContext,
  ) {}

  /** Opens a `pending` subscription: it grants the plan's features once its first payment is captured. */
  async subscribe(tenantId: string, planId: string): Promise<Subscription> {
    const plan = await this.plans.find(planId);
    if (!plan) throw new UnprocessableError('planId', `plan ${planId} does not exist`);
    if (!plan.active)
      throw new UnprocessableError('planId', `plan ${planId} is not open for new subscriptions`);
    const now = this.context.now().toISOString();
    const created = await this.subscriptions.create(tenantId, {
      id: this.context.newId(),
      accountId: tenantId,
      planId,
      status: 'pending',
      startedAt: now,
      cancelledAt: null,
      createdAt: now,
    });
    await this.answers.clearTenant(tenantId);
    return created;
  }

  async get(tenantId: string, id: string): Promise<Subscription> {
    const subscription = await this.subscriptions.get(tenantId, id);
    if (!subscription) throw new NotFoundError('subscription', id);
    return subscription;
  }

  /** Ends the subscription and drops the tenant's cached entitlement answers at once. */
  async cancel(tenantId: string, id: string): Promise<Subscription> {
    const subscription = await this.get(tenantId, id);
    if (subscription.status === 'cancelled') return subscription;
    const cancelled = await this.subscriptions.cancel(tenantId, id, this.context.now());
    await this.answers.clearTenant(tenantId);
    if (!cancelled) throw new NotFoundError('subscription', id);
    return cancelled;
  }

  async list(
    tenantId: string,
    filter: { planId?: string; status?: SubscriptionStatus } & PageRequest,
  ): Promise<Page<Subscription>> {
    return toPage(
      await this.subscriptions.list(tenantId, { ...filter, limit: filter.limit + 1 }),
      filter.limit,
      position,
    );
  }
}
