import type { Channel } from './campaign.js';

export const BID_STRATEGIES = ['manual-cpc', 'target-cpa', 'target-roas', 'maximize-conversions'] as const;

/** Bidding and Budgeting: how much to bid and spend per channel. */
export interface BiddingRule {
  id: string;
  campaignId: string;
  channel: Channel;
  strategy: (typeof BID_STRATEGIES)[number];
  bidCapCents: number | null;
  dailyBudgetCents: number;
  createdAt: string;
}

export function biddingRuleViolations(
  rule: Pick<BiddingRule, 'channel' | 'strategy' | 'bidCapCents'>,
  campaignChannels: readonly string[],
): string[] {
  const problems: string[] = [];
  if (!campaignChannels.includes(rule.channel))
    problems.push(`channel ${rule.channel} is not one of the campaign's channels`);
  if (rule.strategy === 'manual-cpc' && rule.bidCapCents === null)
    problems.push('manual-cpc needs a bidCapCents');
  return problems;
}
