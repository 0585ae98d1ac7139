import { defineRule } from '../../engine/rule.js';
import { IDENTITY_POLICY_BLOCKS, judgeDocuments, type Statement } from '../shared/iam-policy.js';

const names = (statement: Statement, action: string) => statement.actions.includes(action);

export const iamPassRoleFiltered = defineRule({
  id: 'iam-pass-role-filtered',
  title: 'IAM policies that allow iam:PassRole also deny it where it is not needed',
  severity: 'medium',
  resourceTypes: IDENTITY_POLICY_BLOCKS,
  anchors: ['AVD-AWS-0342'],
  help: "iam:PassRole lets the holder hand a role to a service (EC2, Lambda, ECS), which then acts with that role's permissions: a path to escalate. Trivy flags every policy that allows it without a Deny statement for iam:PassRole in the same document; add the Deny (e.g. on roles outside a path) or drop the action.",
  check(block, context) {
    return judgeDocuments(block, context, 'identity', (document) => {
      const allowed = document.statements.some((s) => s.effect === 'Allow' && names(s, 'iam:PassRole'));
      const denied = document.statements.some((s) => s.effect === 'Deny' && names(s, 'iam:PassRole'));
      return allowed && !denied ? [`${document.origin} allows iam:PassRole and denies it nowhere`] : [];
    });
  },
});
