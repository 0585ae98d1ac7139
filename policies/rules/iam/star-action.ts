import { defineRule } from '../../engine/rule.js';
import { describe, IDENTITY_POLICY_BLOCKS, isAllow, judgeDocuments } from '../shared/iam-policy.js';

export const iamNoStarAction = defineRule({
  id: 'iam-no-star-action',
  title: 'IAM policies do not allow Action "*"',
  severity: 'high',
  resourceTypes: IDENTITY_POLICY_BLOCKS,
  anchors: ['CKV_AWS_63', 'CKV_AWS_49', 'AVD-AWS-0057'],
  help: 'An Allow statement with Action "*" grants every action of every service on its resources, including the ones AWS adds later. Name the actions instead.',
  check(block, context) {
    return judgeDocuments(block, context, 'identity', (document) =>
      document.statements
        .filter((s) => isAllow(s) && s.actions.includes('*'))
        .map((s) => `${describe(document, s)} allows Action "*"`),
    );
  },
});
