import { defineRule } from '../../engine/rule.js';
import { describe, IDENTITY_POLICY_BLOCKS, judgeDocuments } from '../shared/iam-policy.js';
import { PolicyAnalysis } from './cloudsplaining.js';
import { listed } from './listed.js';

export const iamWriteAccessScoped = defineRule({
  id: 'iam-write-access-scoped',
  title: 'IAM policies allow write actions only on named resources or under a condition',
  severity: 'medium',
  resourceTypes: IDENTITY_POLICY_BLOCKS,
  anchors: ['CKV_AWS_290', 'CKV_AWS_111'],
  help: 'Actions at the "Write" access level that can be scoped to an ARN, allowed on Resource "*" without a condition, let the holder change every resource of that kind in the account. Scope them to the ARNs the workload changes, or add a condition (a resource tag, aws:RequestTag).',
  check(block, context) {
    return judgeDocuments(block, context, 'identity', (document) =>
      PolicyAnalysis.of(document)
        .writeWithoutConstraints()
        .map(
          ({ statement, actions }) =>
            `${describe(document, statement)} allows ${listed(actions)} on every resource`,
        ),
    );
  },
});
