import { randomUUID } from 'node:crypto';
import {
  badRequest,
  conflict,
  forbidden,
  notFound,
  type Page,
  problemType,
  toPage,
} from '../../kit/index.js';
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
import type { CampaignChanges, CampaignRepository, Clock, EntitlementsPort, PageRequest } from './ports.js';

export type NewCampaign = Omit<Campaign, 'id' | 'status' | 'createdBy' | 'createdAt' | 'updatedAt'>;
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

function notEntitled(accountId: string, feature: string) {
  return forbidden(
    `account ${accountId}'s plan does not include ${feature}`,
    problemType('feature-not-in-plan'),
  );
}

/** PromptAds use cases: campaign planning, targeting, bidding, experiments, and their compliance trail. */
export class CampaignPlanning {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly entitlements: EntitlementsPort,
    private readonly clock: Clock,
  ) {}

  /** Asks Business first: nothing is written unless the account's plan allows campaigns. */
  async create(input: NewCampaign, actor: Actor): Promise<Campaign> {
    rejectViolations(campaignRuleViolations(input));
    if (
      !(await this.entitlements.isAllowed(input.accountId, CAMPAIGNS_FEATURE, actor.requestId ?? undefined))
    ) {
      throw notEntitled(input.accountId, CAMPAIGNS_FEATURE);
    }
    const now = this.clock.now();
    const campaign: Campaign = {
      ...input,
      id: randomUUID(),
      status: 'draft',
      createdBy: actor.subject,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    return this.campaigns.create(campaign, {
      actor,
      action: 'campaign.created',
      changes: { ...input },
      at: now,
    });
  }

  async get(id: string): Promise<Campaign> {
    const campaign = await this.campaigns.get(id);
    if (!campaign) throw notFound(`campaign ${id} does not exist`);
    return campaign;
  }

  async update(id: string, changes: Omit<CampaignChanges, 'status'>, actor: Actor): Promise<Campaign> {
    const current = await this.get(id);
    if (current.status === 'completed' || current.status === 'archived') {
      throw conflict(`campaign ${id} is ${current.status} and can no longer change`);
    }
    rejectViolations(campaignRuleViolations({ ...current, ...changes }));
    return this.write(id, changes, actor, 'campaign.updated', changes);
  }

  async changeStatus(id: string, status: CampaignStatus, actor: Actor): Promise<Campaign> {
    const current = await this.get(id);
    if (!canMoveTo(current.status, status))
      throw conflict(`campaign ${id} is ${current.status}; it cannot become ${status}`);
    return this.write(id, { status }, actor, 'campaign.status-changed', { from: current.status, to: status });
  }

  async list(
    filter: {
      accountId?: string;
      status?: CampaignStatus;
      channel?: string;
      objective?: string;
    } & PageRequest,
  ): Promise<Page<Campaign>> {
    return toPage(
      await this.campaigns.list({ ...filter, limit: filter.limit + 1 }),
      filter.limit,
      byCreation,
    );
  }

  async addAudience(campaignId: string, input: NewAudience, actor: Actor): Promise<Audience> {
    await this.get(campaignId);
    rejectViolations(audienceRuleViolations(input));
    const now = this.clock.now();
    const audience: Audience = { ...input, id: randomUUID(), campaignId, createdAt: now.toISOString() };
    return this.campaigns.addAudience(audience, {
      actor,
      action: 'audience.created',
      changes: { ...audience },
      at: now,
    });
  }

  async listAudiences(campaignId: string, page: PageRequest): Promise<Page<Audience>> {
    await this.get(campaignId);
    return toPage(
      await this.campaigns.listAudiences(campaignId, { ...page, limit: page.limit + 1 }),
      page.limit,
      byCreation,
    );
  }

  async addBiddingRule(campaignId: string, input: NewBiddingRule, actor: Actor): Promise<BiddingRule> {
    const campaign = await this.get(campaignId);
    rejectViolations(biddingRuleViolations(input, campaign.channels));
    const now = this.clock.now();
    const rule: BiddingRule = { ...input, id: randomUUID(), campaignId, createdAt: now.toISOString() };
    return this.campaigns.addBiddingRule(rule, {
      actor,
      action: 'bidding-rule.created',
      changes: { ...rule },
      at: now,
    });
  }

  async listBiddingRules(campaignId: string, page: PageRequest): Promise<Page<BiddingRule>> {
    await this.get(campaignId);
    return toPage(
      await this.campaigns.listBiddingRules(campaignId, { ...page, limit: page.limit + 1 }),
      page.limit,
      byCreation,
    );
  }

  async addExperiment(campaignId: string, input: NewExperiment, actor: Actor): Promise<Experiment> {
    const campaign = await this.get(campaignId);
    rejectViolations(experimentRuleViolations(input));
    if (
      !(await this.entitlements.isAllowed(
        campaign.accountId,
        EXPERIMENTS_FEATURE,
        actor.requestId ?? undefined,
      ))
    ) {
      throw notEntitled(campaign.accountId, EXPERIMENTS_FEATURE);
    }
    const now = this.clock.now();
    const experiment: Experiment = {
      ...input,
      id: randomUUID(),
      campaignId,
      status: 'draft',
      createdAt: now.toISOString(),
    };
    return this.campaigns.addExperiment(experiment, {
      actor,
      action: 'experiment.created',
      changes: { ...experiment },
      at: now,
    });
  }

  async listExperiments(campaignId: string, page: PageRequest): Promise<Page<Experiment>> {
    await this.get(campaignId);
    return toPage(
      await this.campaigns.listExperiments(campaignId, { ...page, limit: page.limit + 1 }),
      page.limit,
      byCreation,
    );
  }

  async complianceLog(campaignId: string, page: PageRequest): Promise<Page<ComplianceEntry>> {
    await this.get(campaignId);
    return toPage(
      await this.campaigns.complianceLog(campaignId, { ...page, limit: page.limit + 1 }),
      page.limit,
      (entry) => ({ sortKey: entry.id, id: entry.id }),
    );
  }

  private async write(
    id: string,
    changes: CampaignChanges,
    actor: Actor,
    action: string,
    logged: Record<string, unknown>,
  ): Promise<Campaign> {
    const updated = await this.campaigns.update(id, changes, {
      actor,
      action,
      changes: logged,
      at: this.clock.now(),
    });
    if (!updated) throw notFound(`campaign ${id} does not exist`);
    return updated;
  }
}
