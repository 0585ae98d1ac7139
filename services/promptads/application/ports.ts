import type { CursorPosition } from '../../kit/index.js';
import type { BiddingRule } from '../domain/bidding.js';
import type { Campaign, CampaignStatus } from '../domain/campaign.js';
import type { Actor, ComplianceEntry } from '../domain/compliance.js';
import type { Experiment } from '../domain/experiment.js';
import type { Audience } from '../domain/targeting.js';

export interface PageRequest {
  limit: number;
  after?: CursorPosition;
}

export interface AuditedChange {
  actor: Actor;
  action: string;
  changes: Record<string, unknown>;
  at: Date;
}

export type CampaignChanges = Partial<
  Pick<Campaign, 'name' | 'kpis' | 'channels' | 'formats' | 'budget' | 'startDate' | 'endDate' | 'status'>
>;

/**
 * Every write takes the compliance record to store with it: the change and its log entry commit
 * together or not at all. Lists return up to `limit` rows (callers ask for one extra).
 */
export interface CampaignRepository {
  create(campaign: Campaign, audit: AuditedChange): Promise<Campaign>;
  get(id: string): Promise<Campaign | undefined>;
  update(id: string, changes: CampaignChanges, audit: AuditedChange): Promise<Campaign | undefined>;
  list(
    filter: {
      accountId?: string;
      status?: CampaignStatus;
      channel?: string;
      objective?: string;
    } & PageRequest,
  ): Promise<Campaign[]>;
  addAudience(audience: Audience, audit: AuditedChange): Promise<Audience>;
  listAudiences(campaignId: string, page: PageRequest): Promise<Audience[]>;
  addBiddingRule(rule: BiddingRule, audit: AuditedChange): Promise<BiddingRule>;
  listBiddingRules(campaignId: string, page: PageRequest): Promise<BiddingRule[]>;
  addExperiment(experiment: Experiment, audit: AuditedChange): Promise<Experiment>;
  listExperiments(campaignId: string, page: PageRequest): Promise<Experiment[]>;
  complianceLog(campaignId: string, page: PageRequest): Promise<ComplianceEntry[]>;
}

/**
 * The Business domain's entitlements facade, as PromptAds needs it. Throws
 * `DependencyUnavailableError` when Business cannot answer.
 */
export interface EntitlementsPort {
  isAllowed(accountId: string, feature: string, requestId?: string): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
