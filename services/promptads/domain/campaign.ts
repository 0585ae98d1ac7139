export const OBJECTIVES = ['awareness', 'traffic', 'engagement', 'leads', 'sales', 'app-promotion'] as const;
export const CHANNELS = [
  'google-ads',
  'meta-ads',
  'tiktok-ads',
  'linkedin-ads',
  'x-ads',
  'youtube-ads',
] as const;
export const FORMATS = ['text', 'image', 'video', 'carousel', 'story'] as const;
export const KPI_METRICS = [
  'impressions',
  'reach',
  'clicks',
  'ctr',
  'cpc',
  'conversions',
  'cpa',
  'roas',
] as const;
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'active', 'paused', 'completed', 'archived'] as const;

export type Objective = (typeof OBJECTIVES)[number];
export type Channel = (typeof CHANNELS)[number];
export type Format = (typeof FORMATS)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export interface Kpi {
  metric: (typeof KPI_METRICS)[number];
  target: number;
}

export interface Budget {
  amountCents: number;
  currency: string;
  period: 'daily' | 'lifetime';
}

/** Campaign Planning: what the client wants, where, in which formats, with how much, and when. */
export interface Campaign {
  id: string;
  accountId: string;
  name: string;
  objective: Objective;
  kpis: Kpi[];
  channels: Channel[];
  formats: Format[];
  budget: Budget;
  startDate: string;
  endDate: string;
  status: CampaignStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** The feature a Business plan must include for an account to plan campaigns. */
export const CAMPAIGNS_FEATURE = 'promptads.campaigns';

const NEXT_STATUS: Record<CampaignStatus, CampaignStatus[]> = {
  draft: ['scheduled', 'active', 'archived'],
  scheduled: ['active', 'paused', 'archived'],
  active: ['paused', 'completed'],
  paused: ['active', 'completed', 'archived'],
  completed: ['archived'],
  archived: [],
};

export const canMoveTo = (from: CampaignStatus, to: CampaignStatus) => NEXT_STATUS[from].includes(to);

/** Rules JSON schema cannot express; returns the problems, one per broken rule. */
export function campaignRuleViolations(campaign: Pick<Campaign, 'startDate' | 'endDate' | 'kpis'>): string[] {
  const problems: string[] = [];
  if (campaign.endDate < campaign.startDate) problems.push('endDate must not be before startDate');
  const metrics = campaign.kpis.map((kpi) => kpi.metric);
  if (new Set(metrics).size !== metrics.length) problems.push('kpis must not repeat a metric');
  return problems;
}
