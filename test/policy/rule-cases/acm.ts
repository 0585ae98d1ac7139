import type { RuleCase } from './index.js';

/** ACM cases, each the failing resource of Checkov's own test (example_ACMCertCreateBeforeDestroy). */
export const FAILING_CASES: RuleCase[] = [
  {
    rule: 'acm-create-before-destroy',
    title: 'create_before_destroy false (Checkov fail)',
    mutation: { address: 'aws_acm_certificate.api', set: [['lifecycle', { create_before_destroy: false }]] },
  },
  {
    rule: 'acm-create-before-destroy',
    title: 'no lifecycle block (Checkov fail2)',
    mutation: { address: 'aws_acm_certificate.api', unset: ['lifecycle'] },
  },
];
