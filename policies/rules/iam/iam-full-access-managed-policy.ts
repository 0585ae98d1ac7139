import { defineRule } from '../../engine/rule.js';
import { judgeManagedPolicy, MANAGED_POLICY_BLOCKS } from './managed-policies.js';

export const iamNoIamFullAccess = defineRule({
  id: 'iam-no-iam-full-access',
  title: 'No role or principal is given the AWS managed IAMFullAccess policy',
  severity: 'high',
  resourceTypes: MANAGED_POLICY_BLOCKS,
  anchors: ['CKV2_AWS_56'],
  parameters: { policyName: 'IAMFullAccess' },
  help: 'IAMFullAccess lets its holder create users, access keys and policies, and so grant itself anything. Attach a policy with the IAM actions the role needs instead.',
  check(block, context, { policyName }) {
    return judgeManagedPolicy(block, context, policyName);
  },
});
