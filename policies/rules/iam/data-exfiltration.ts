import { defineRule } from '../../engine/rule.js';
import { IDENTITY_POLICY_BLOCKS, judgeDocuments } from '../shared/iam-policy.js';
import { PolicyAnalysis } from './cloudsplaining.js';

export const iamNoDataExfiltration = defineRule({
  id: 'iam-no-data-exfiltration',
  title: 'IAM policies do not allow reading objects, parameters or secrets on every resource',
  severity: 'medium',
  resourceTypes: IDENTITY_POLICY_BLOCKS,
  anchors: ['CKV_AWS_288', 'CKV_AWS_108'],
  help: "Cloudsplaining's data-exfiltration actions (s3:GetObject, ssm:GetParameter, ssm:GetParameters, ssm:GetParametersByPath, secretsmanager:GetSecretValue) allowed on every resource without a condition read every object, parameter or secret of the account. Scope them to the ARNs the workload reads.",
  check(block, context) {
    return judgeDocuments(block, context, 'identity', (document) => {
      const actions = PolicyAnalysis.of(document).dataExfiltration();
      return actions.length > 0 ? [`${document.origin} allows ${actions.join(', ')} on every resource`] : [];
    });
  },
});
