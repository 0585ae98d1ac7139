import type { NotApplicable } from './declaration.js';

export const OKTA_CHECKS: NotApplicable[] = [
  {
    check: 'CKV_OKTA_1',
    reason:
      'Reports on okta_app_signon_policy_rule; the stacks write no app sign-on policy of their own, so sign-in to the Okta app the stacks create (the Cognito federation) follows the organization authentication policy, kept outside these stacks.',
    confirmedBy: { kind: 'type-absent', type: 'okta_app_signon_policy_rule' },
  },
];
