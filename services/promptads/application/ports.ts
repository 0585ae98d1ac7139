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
 * Every method acts within one tenant: another tenant's rows are invisible (not found). Every
 * write takes the compliance record to store with it: the change and its log entry commit
 * together or not at all. Lists return up to `limit` rows (callers ask for one extra).
 */
export interface CampaignRepository {
  create(tenantId: string, campaign: Campaign, audit: AuditedChange): Promise<Campaign>;
  get(tenantId: string, id: string): Promise<Campaign | undefined>;
  update(
    tenantId: string,
    id: string,
    changes: CampaignChanges,
    audit: AuditedChange,
  ): Promise<Campaign | undefined>;
  list(tenantId: string, filter: CampaignFilter & PageRequest): Promise<Campaign[]>;
  addAudience(tenantId: string, audience: Audience, audit: AuditedChange): Promise<Audience>;
  listAudiences(tenantId: string, campaignId: string, page: PageRequest): Promise<Audience[]>;
  addBiddingRule(tenantId: string, rule: BiddingRule, audit: AuditedChange): Promise<BiddingRule>;
  listBiddingRules(tenantId: string, campaignId: string, page: PageRequest): Promise<BiddingRule[]>;
  addExperiment(tenantId: string, experiment: Experiment, audit: AuditedChange): Promise<Experiment>;
  listExperiments(tenantId: string, campaignId: string, page: PageRequest): Promise<Experiment[]>;
  complianceLog(tenantId: string, campaignId: string, page: PageRequest): Promise<ComplianceEntry[]>;
}

export interface CampaignFilter {
  status?: CampaignStatus | undefined;
  channel?: string | undefined;
  objective?: string | undefined;
}

/**
 * The Business domain's entitlements facade, as PromptAds needs it: the account is the tenant the
 * request acts for. Throws `DependencyUnavailableError` when Business cannot answer.
 */
export interface EntitlementsPort {
  isAllowed(accountId: string, feature: string, requestId?: string): Promise<boolean>;
}
