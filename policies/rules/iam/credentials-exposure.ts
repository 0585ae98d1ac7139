import { defineRule } from '../../engine/rule.js';
import { IDENTITY_POLICY_BLOCKS, judgeDocuments } from '../shared/iam-policy.js';
import { PolicyAnalysis } from './cloudsplaining.js';

export const iamNoCredentialsExposure = defineRule({
  id: 'iam-no-credentials-exposure',
  title: 'IAM policies do not allow actions that return credentials on every resource',
  severity: 'high',
  resourceTypes: IDENTITY_POLICY_BLOCKS,
  // Checkov leaves ecr:GetAuthorizationToken out: it cannot be scoped and every image pull needs it.
  parameters: { excludedActions: ['ecr:GetAuthorizationToken'] },
  anchors: ['CKV_AWS_287', 'CKV_AWS_107'],
  help: "Actions that return credentials (cloudsplaining's list: iam:CreateAccessKey, sts:AssumeRole, rds-db:connect, ...) allowed on every resource without a condition hand out keys or tokens for anything. Scope them to the ARNs the workload uses.",
  check(block, context, { excludedActions }) {
    const excluded = new Set(excludedActions.map((action) => String(action).toLowerCase()));
    return judgeDocuments(block, context, 'identity', (document) => {
      const exposed = PolicyAnalysis.of(document)
        .credentialsExposure()
        .filter((action) => !excluded.has(action.toLowerCase()));
      return exposed.length > 0 ? [`${document.origin} allows ${exposed.join(', ')} on every resource`] : [];
    });
  },
});
