import { defineRule } from '../../engine/rule.js';
import { describe, IDENTITY_POLICY_BLOCKS, isAllow, judgeDocuments } from '../shared/iam-policy.js';

export const iamNoAdminStatement = defineRule({
  id: 'iam-no-admin-statement',
  title: 'IAM policies do not allow every action on every resource',
  severity: 'high',
  resourceTypes: IDENTITY_POLICY_BLOCKS,
  anchors: ['CKV_AWS_62', 'CKV_AWS_1'],
  help: 'An Allow statement with Action "*" and Resource "*" makes its holder an administrator of the account. Grant the actions the workload calls, on the resources it uses.',
  check(block, context) {
    return judgeDocuments(block, context, 'identity', (document) =>
      document.statements
        .filter((s) => isAllow(s) && s.actions.includes('*') && s.resources.includes('*'))
        .map((s) => `${describe(document, s)} allows Action "*" on Resource "*"`),
    );
  },
});
