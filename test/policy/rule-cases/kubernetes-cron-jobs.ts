import type { RuleCase } from './index.js';

/** Business's reconciliation CronJob: its Jobs' pod template is held to the same image rule as a Deployment's. */
export const FAILING_CASES: RuleCase[] = [
  {
    rule: 'image-pinned-by-digest',
    title: 'a CronJob whose Jobs run a tagged image',
    stack: 'prod-payments-jobs',
    mutation: {
      stack: 'prod-payments-jobs',
      address: 'kubernetes_cron_job_v1.reconcile',
      set: [['spec.0.job_template.0.spec.0.template.0.spec.0.container.0.image', 'promptsales/business:v1']],
    },
    message: /promptsales\/business:v1 is not pinned by digest/,
  },
];
