import { randomUUID } from 'node:crypto';
import { HttpProblem, notFound, type Page, problemType, toPage } from '../../kit/index.js';
import type { Subscription, SubscriptionStatus } from '../domain/subscription.js';
import type { Plans } from './plans.js';
import { type Cache, type Clock, cacheKeys, type PageRequest, type SubscriptionRepository } from './ports.js';
import { unknownReference } from './problems.js';

const position = (subscription: Subscription) => ({ sortKey: subscription.createdAt, id: subscription.id });

export class Subscriptions {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly plans: Plans,
    private readonly cache: Cache,
    private readonly clock: Clock,
  ) {}

  async subscribe(accountId: string, planId: string): Promise<Subscription> {
    const plan = await this.plans.find(planId);
    if (!plan) throw unknownReference('planId', `plan ${planId} does not exist`);
    if (!plan.active) {
      throw new HttpProblem(422, `plan ${planId} is not open for new subscriptions`, {
        type: problemType('plan-inactive'),
      });
    }
    const now = this.clock.now().toISOString();
    const created = await this.subscriptions.create({
      id: randomUUID(),
      accountId,
      planId,
      status: 'active',
      startedAt: now,
      cancelledAt: null,
      createdAt: now,
    });
    await this.cache.invalidate(cacheKeys.accountPlan(accountId));
    return created;
  }

  async get(id: string): Promise<Subscription> {
    const subscription = await this.subscriptions.get(id);
    if (!subscription) throw notFound(`subscription ${id} does not exist`);
    return subscription;
  }

  find(id: string): Promise<Subscription | undefined> {
    return this.subscriptions.get(id);
  }

  async cancel(id: string): Promise<Subscription> {
    const subscription = await this.get(id);
    if (subscription.status === 'cancelled') return subscription;
    const cancelled = await this.subscriptions.cancel(id, this.clock.now());
    if (!cancelled) throw notFound(`subscription ${id} does not exist`);
    await this.cache.invalidate(cacheKeys.accountPlan(subscription.accountId));
    return cancelled;
  }

  async list(
    filter: { accountId?: string; planId?: string; status?: SubscriptionStatus } & PageRequest,
  ): Promise<Page<Subscription>> {
    return toPage(
      await this.subscriptions.list({ ...filter, limit: filter.limit + 1 }),
      filter.limit,
      position,
    );
  }
}
