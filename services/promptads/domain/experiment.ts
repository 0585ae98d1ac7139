export const EXPERIMENT_STATUSES = ['draft', 'running', 'completed'] as const;

export interface Variant {
  key: string;
  name: string;
  trafficPercent: number;
}

/** Experimentation: an A/B (or A/B/n) test over a campaign's variants. */
export interface Experiment {
  id: string;
  campaignId: string;
  name: string;
  hypothesis: string;
  metric: string;
  status: (typeof EXPERIMENT_STATUSES)[number];
  variants: Variant[];
  createdAt: string;
}

export const EXPERIMENTS_FEATURE = 'promptads.experiments';

export function experimentRuleViolations(experiment: Pick<Experiment, 'variants'>): string[] {
  const problems: string[] = [];
  const keys = experiment.variants.map((variant) => variant.key);
  if (new Set(keys).size !== keys.length) problems.push('variant keys must be unique');
  const total = experiment.variants.reduce((sum, variant) => sum + variant.trafficPercent, 0);
  if (total !== 100) problems.push(`variant trafficPercent must add up to 100 (got ${total})`);
  return problems;
}
