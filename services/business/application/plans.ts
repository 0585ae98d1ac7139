import { ConflictError, NotFoundError, type Page, toPage } from '../../kit/index.js';
import type { UseCaseContext } from '../../shared/use-case-context.js';
import type { Plan } from '../domain/plan.js';
import {
  type Cache,
  cacheKeys,
  type NewPlan,
  type PageRequest,
  type PlanChanges,
  type PlanRepository,
} from './ports.js';

const position = (plan: Plan) => ({ sortKey: plan.id, id: plan.id });

/** The plan catalogue: read by every tenant, changed only by platform administrators. */
export class Plans {
  constructor(
    private readonly plans: PlanRepository,
    private readonly cache: Cache,
    private readonly context: UseCaseContext,
  ) {}

  async create(plan: NewPlan): Promise<Plan> {
    if (await this.plans.get(plan.id)) throw new ConflictError(`plan ${plan.id} already exists`);
    const created = await this.plans.create(plan, this.context.now());
    await this.cache.invalidate(cacheKeys.plan(plan.id));
    return created;
  }

  /** Hot read (every entitlement check needs it): served from the cache. */
  async find(id: string): Promise<Plan | undefined> {
    return (
      (await this.cache.get(cacheKeys.plan(id), async () => (await this.plans.get(id)) ?? null)) ?? undefined
    );
  }

  async get(id: string): Promise<Plan> {
    const plan = await this.find(id);
    if (!plan) throw new NotFoundError('plan', id);
    return plan;
  }

  async update(id: string, changes: PlanChanges): Promise<Plan> {
    const updated = await this.plans.update(id, changes, this.context.now());
    if (!updated) throw new NotFoundError('plan', id);
    await this.cache.invalidate(cacheKeys.plan(id));
    return updated;
  }

  async list(filter: { active?: boolean } & PageRequest): Promise<Page<Plan>> {
    return toPage(await this.plans.list({ ...filter, limit: filter.limit + 1 }), filter.limit, position);
  }
}
