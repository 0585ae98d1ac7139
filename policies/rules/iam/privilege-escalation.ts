import { defineRule } from '../../engine/rule.js';
import { IDENTITY_POLICY_BLOCKS, judgeDocuments } from '../shared/iam-policy.js';
import { PolicyAnalysis } from './cloudsplaining.js';

export const iamNoPrivilegeEscalation = defineRule({
  id: 'iam-no-privilege-escalation',
  title: 'IAM policies do not allow privilege escalation',
  severity: 'high',
  resourceTypes: IDENTITY_POLICY_BLOCKS,
  anchors: ['CKV_AWS_286', 'CKV_AWS_110'],
  help: "Cloudsplaining's privilege-escalation methods (Rhino Security Labs): action sets such as iam:CreatePolicyVersion, or iam:PassRole with lambda:CreateFunction and lambda:InvokeFunction, that let the holder grant itself more, allowed on every resource without a condition. Scope the actions to named ARNs or add a condition.",
  check(block, context) {
    return judgeDocuments(block, context, 'identity', (document) =>
      PolicyAnalysis.of(document)
        .privilegeEscalation()
        .map(
          ({ method, actions }) =>
            `${document.origin} allows ${method} (${actions.join(', ')}) on every resource`,
        ),
    );
  },
});
