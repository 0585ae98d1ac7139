import { defineRule } from '../../engine/rule.js';
import { describe, IDENTITY_POLICY_BLOCKS, judgeDocuments } from '../shared/iam-policy.js';

export const iamS3GetPutScoped = defineRule({
  id: 'iam-s3-get-put-scoped',
  title: 'IAM policies do not allow s3:Get* and s3:Put* together on every resource',
  severity: 'high',
  resourceTypes: IDENTITY_POLICY_BLOCKS,
  anchors: ['AVD-AWS-0346'],
  help: 'A statement allowing both s3:Get* and s3:Put* on Resource "*" reads and overwrites every object and bucket setting in the account. Scope it to the buckets the workload uses.',
  check(block, context) {
    return judgeDocuments(block, context, 'identity', (document) =>
      document.statements
        .filter((s) => {
          const actions = s.actions.map((action) => action.toLowerCase());
          return (
            s.effect.toLowerCase() === 'allow' &&
            s.resources.length === 1 &&
            s.resources[0] === '*' &&
            actions.includes('s3:get*') &&
            actions.includes('s3:put*')
          );
        })
        .map((s) => `${describe(document, s)} allows s3:Get* and s3:Put* on Resource "*"`),
    );
  },
});
