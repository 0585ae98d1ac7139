import { defineRule } from '../../engine/rule.js';
import { IDENTITY_POLICY_BLOCKS, judgeDocuments } from '../shared/iam-policy.js';
import { PolicyAnalysis } from './cloudsplaining.js';
import { listed } from './listed.js';

export const iamScopableActionsScoped = defineRule({
  id: 'iam-scopable-actions-scoped',
  title: 'IAM policies name resources for every action that can be scoped',
  severity: 'low',
  resourceTypes: IDENTITY_POLICY_BLOCKS,
  anchors: ['CKV_AWS_355', 'CKV_AWS_356'],
  help: 'An action that AWS lets a policy scope to resource ARNs, allowed on Resource "*" without a condition, reaches every resource of its kind. Name the ARNs; actions that only accept "*" (ec2:DescribeInstances, s3:ListAllMyBuckets) may keep it.',
  check(block, context) {
    return judgeDocuments(block, context, 'identity', (document) => {
      const actions = PolicyAnalysis.of(document).unrestrictedActions();
      return actions.length > 0 ? [`${document.origin} allows ${listed(actions)} on Resource "*"`] : [];
    });
  },
});
