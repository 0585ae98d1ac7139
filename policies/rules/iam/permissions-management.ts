import { defineRule } from '../../engine/rule.js';
import { describe, IDENTITY_POLICY_BLOCKS, judgeDocuments } from '../shared/iam-policy.js';
import { PolicyAnalysis } from './cloudsplaining.js';
import { listed } from './listed.js';

export const iamPermissionsManagementScoped = defineRule({
  id: 'iam-permissions-management-scoped',
  title: 'IAM policies allow permissions-management actions only on named resources',
  severity: 'high',
  resourceTypes: IDENTITY_POLICY_BLOCKS,
  anchors: ['CKV_AWS_289', 'CKV_AWS_109'],
  help: 'Actions at the "Permissions management" access level (iam:AttachRolePolicy, s3:PutBucketPolicy, kms:CreateGrant, ...) allowed on every resource without a condition let the holder rewrite who may access anything, and so expose resources. Scope them to named ARNs or add a condition.',
  check(block, context) {
    return judgeDocuments(block, context, 'identity', (document) =>
      PolicyAnalysis.of(document)
        .permissionsManagementWithoutConstraints()
        .map(
          ({ statement, actions }) =>
            `${describe(document, statement)} allows ${listed(actions)} on every resource`,
        ),
    );
  },
});
