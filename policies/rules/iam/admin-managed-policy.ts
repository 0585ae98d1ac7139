import { defineRule } from '../../engine/rule.js';
import { judgeManagedPolicy, MANAGED_POLICY_BLOCKS } from './managed-policies.js';

export const iamNoAdministratorAccess = defineRule({
  id: 'iam-no-administrator-access',
  title: 'No role or principal is given the AWS managed AdministratorAccess policy',
  severity: 'high',
  resourceTypes: MANAGED_POLICY_BLOCKS,
  anchors: ['CKV_AWS_274', 'CKV_AWS_275'],
  parameters: { policyName: 'AdministratorAccess' },
  help: 'AdministratorAccess allows every action on every resource. Attach a policy with the actions the role needs instead.',
  check(block, context, { policyName }) {
    return judgeManagedPolicy(block, context, policyName);
  },
});
