import { defineRule } from '../../engine/rule.js';
import { describe, IDENTITY_POLICY_BLOCKS, isAllow, judgeDocuments } from '../shared/iam-policy.js';

const FULL_IAM = new Set(['iam:*', '*']);

export const iamNoFullIamAccess = defineRule({
  id: 'iam-no-full-iam-access',
  title: 'IAM policies do not allow every IAM action',
  severity: 'high',
  resourceTypes: IDENTITY_POLICY_BLOCKS,
  anchors: ['CKV2_AWS_40'],
  help: 'An Allow statement with Action "iam:*" (or "*") lets its holder create users, keys and policies, and so grant itself anything. Name the IAM actions the workload needs.',
  check(block, context) {
    return judgeDocuments(block, context, 'identity', (document) =>
      document.statements
        .filter((s) => isAllow(s) && s.actions.some((action) => FULL_IAM.has(action.toLowerCase())))
        .map(
          (s) =>
            `${describe(document, s)} allows every IAM action (${s.actions.filter((a) => FULL_IAM.has(a.toLowerCase())).join(', ')})`,
        ),
    );
  },
});
