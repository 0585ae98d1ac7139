import {
  badRequest,
  ConflictError,
  forbidden,
  NotFoundError,
  type Page,
  problemType,
  toPage,
} from '../../kit/index.js';
import type { UseCaseContext } from '../../shared/use-case-context.js';
import { type BiddingRule, biddingRuleViolations } from '../domain/bidding.js';
import {
  CAMPAIGNS_FEATURE,
  type Campaign,
  type CampaignStatus,
  campaignRuleViolations,
  canMoveTo,
} from '../domain/campaign.js';
import type { Actor, ComplianceEntry } from '../domain/compliance.js';
import { EXPERIMENTS_FEATURE, type Experiment, experimentRuleViolations } from '../domain/experiment.js';
import { type Audience, audienceRuleViolations } from '../domain/targeting.js';
import type {
  CampaignChanges,
  CampaignFilter,
  CampaignRepository,
  EntitlementsPort,
  PageRequest,
} from './ports.js';

export type NewCampaign = Omit<
  Campaign,
  'id' | 'accountId' | 'status' | 'createdBy' | 'createdAt' | 'updatedAt'
>;
export type NewAudience = Omit<Audience, 'id' | 'campaignId' | 'createdAt'>;
export type NewBiddingRule = Omit<BiddingRule, 'id' | 'campaignId' | 'createdAt'>;
export type NewExperiment = Omit<Experiment, 'id' | 'campaignId' | 'status' | 'createdAt'>;

const byCreation = (item: { createdAt: string; id: string }) => ({ sortKey: item.createdAt, id: item.id });

function rejectViolations(problems: string[]): void {
  if (problems.length > 0) {
    throw badRequest(problems.join('; '), {
      errors: problems.map((message) => ({ in: 'body', field: '/', message })),
    });
  }
}

/** Moves that wind a campaign down (stop spending): allowed whatever the plan, even after it ends. */
const WINDING_DOWN: readonly CampaignStatus[] = ['paused', 'completed', 'archived'];

/**
 * PromptAds use cases: campaign planning, targeting, bidding, experiments, and their compliance
 * trail. Each acts for one tenant (the account), and every change the plan governs asks Business
 * first: nothing is written unless the tenant's paid-up plan includes the feature.
 */
export class CampaignPlanning {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly entitlements: EntitlementsPort,
    private readonly context: UseCaseContext,
  ) {}

  /**
   * The same answer whether the tenant has no plan or a plan without the feature, and it names
   * no account: a 403 tells nothing about anyone's subscription.
   */
  private async requireFeature(tenantId: string, feature: string, actor: Actor): Promise<void> {
    if (!(await this.entitlements.isAllowed(tenantId, feature, actor.requestId ?? undefined))) {
      throw forbidden(`the plan does not include ${feature}`, problemType('feature-not-in-plan'));
    }
  }

  async create(tenantId: string, input: NewCampaign, actor: Actor): Promise<Campaign> {
    rejectViolations(campaignRuleViolations(input));
    await this.requireFeature(tenantId, CAMPAIGNS_FEATURE, actor);
    const now = this.context.now();
    const campaign: Campaign = {
      ...input,
      id: this.context.newId(),
      accountId: tenantId,
      status: 'draft',
      createdBy: actor.subject,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    return this.campaigns.create(tenantId, campaign, {
      actor,
      action: 'campaign.created',
      changes: { ...input },
      at: now,
    });
  }

  async get(tenantId: string, id: string): Promise<Campaign> {
    const campaign = await this.campaigns.get(tenantId, id);
    if (!campaign) throw new NotFoundError('campaign', id);
    return campaign;
  }

  async update(
    tenantId: string,
    id: string,
    changes: Omit<CampaignChanges, 'status'>,
    actor: Actor,
  ): Promise<Campaign> {
    const current = await this.get(tenantId, id);
    if (current.status === 'completed' || current.status === 'archived') {
      throw new ConflictError(`campaign ${id} is ${current.status} and can no longer change`);
    }
    rejectViolations(campaignRuleViolations({ ...current, ...changes }));
    await this.requireFeature(tenantId, CAMPAIGNS_FEATURE, actor);
    return this.write(tenantId, id, changes, actor, 'campaign.updated', changes);
  }

  async changeStatus(tenantId: string, id: string, status: CampaignStatus, actor: Actor): Promise<Campaign> {
    const current = await this.get(tenantId, id);
    if (!canMoveTo(current.status, status))
      throw new ConflictError(`campaign ${id} is ${current.status}; it cannot become ${status}`);
    if (!WINDING_DOWN.includes(status)) await this.requireFeature(tenantId, CAMPAIGNS_FEATURE, actor);
    return this.write(tenantId, id, { status }, actor, 'campaign.status-changed', {
      from: current.status,
      to: status,
    });
  }

  async list(tenantId: string, filter: CampaignFilter & PageRequest): Promise<Page<Campaign>> {
    return toPage(
      await this.campaigns.list(tenantId, { ...filter, limit: filter.limit + 1 }),
      filter.limit,
      byCreation,
    );
  }

  async addAudience(
    tenantId: string,
    campaignId: string,
    input: NewAudience,
    actor: Actor,
  ): Promise<Audience> {
    await this.get(tenantId, campaignId);
    rejectViolations(audienceRuleViolations(input));
    await this.requireFeature(tenantId, CAMPAIGNS_FEATURE, actor);
    const now = this.context.now();
    const audience: Audience = {
      ...input,
      id: this.context.newId(),
      campaignId,
      createdAt: now.toISOString(),
    };
    return this.campaigns.addAudience(tenantId, audience, {
      actor,
      action: 'audience.created',
      changes: { ...audience },
      at: now,
    });
  }

  async listAudiences(tenantId: string, campaignId: string, page: PageRequest): Promise<Page<Audience>> {
    await this.get(tenantId, campaignId);
    return toPage(
      await this.campaigns.listAudiences(tenantId, campaignId, { ...page, limit: page.limit + 1 }),
      page.limit,
      byCreation,
    );
  }

  async addBiddingRule(
    tenantId: string,
    campaignId: string,
    input: NewBiddingRule,
    actor: Actor,
  ): Promise<BiddingRule> {
    const campaign = await this.get(tenantId, campaignId);
    rejectViolations(biddingRuleViolations(input, campaign.channels));
    await this.requireFeature(tenantId, CAMPAIGNS_FEATURE, actor);
    const now = this.context.now();
    const rule: BiddingRule = {
      ...input,
      id: this.context.newId(),
      campaignId,
      createdAt: now.toISOString(),
    };
    return this.campaigns.addBiddingRule(tenantId, rule, {
      actor,
      action: 'bidding-rule.created',
      changes: { ...rule },
      at: now,
    });
  }

  async listBiddingRules(
    tenantId: string,
    campaignId: string,
    page: PageRequest,
  ): Promise<Page<BiddingRule>> {
    await this.get(tenantId, campaignId);
    return toPage(
      await this.campaigns.listBiddingRules(tenantId, campaignId, { ...page, limit: page.limit + 1 }),
      page.limit,
      byCreation,
    );
  }

  async addExperiment(
    tenantId: string,
    campaignId: string,
    input: NewExperiment,
    actor: Actor,
  ): Promise<Experiment> {
    await this.get(tenantId, campaignId);
    rejectViolations(experimentRuleViolations(input));
    await this.requireFeature(tenantId, CAMPAIGNS_FEATURE, actor);
    await this.requireFeature(tenantId, EXPERIMENTS_FEATURE, actor);
    const now = this.context.now();
    const experiment: Experiment = {
      ...input,
      id: this.context.newId(),
      campaignId,
      status: 'draft',
      createdAt: now.toISOString(),
    };
    return this.campaigns.addExperiment(tenantId, experiment, {
      actor,
      action: 'experiment.created',
      changes: { ...experiment },
      at: now,
    });
  }

  async listExperiments(tenantId: string, campaignId: string, page: PageRequest): Promise<Page<Experiment>> {
    await this.get(tenantId, campaignId);
    return toPage(
      await this.campaigns.listExperiments(tenantId, campaignId, { ...page, limit: page.limit + 1 }),
      page.limit,
      byCreation,
    );
  }

  async complianceLog(
    tenantId: string,
    campaignId: string,
    page: PageRequest,
  ): Promise<Page<ComplianceEntry>> {
    await this.get(tenantId, campaignId);
    return toPage(
      await this.campaigns.complianceLog(tenantId, campaignId, { ...page, limit: page.limit + 1 }),
      page.limit,
      (entry) => ({ sortKey: entry.id, id: entry.id }),
    );
  }

  private async write(
    tenantId: string,
    id: string,
    changes: CampaignChanges,
    actor: Actor,
    action: string,
    logged: Record<string, unknown>,
  ): Promise<Campaign> {
    const updated = await this.campaigns.update(tenantId, id, changes, {
      actor,
      action,
      changes: logged,
      at: this.context.now(),
    });
    if (!updated) throw new NotFoundError('campaign', id);
    return updated;
  }
}
