import { defineRule } from '../../engine/rule.js';
import { IDENTITY_POLICY_BLOCKS, judgeDocuments, type Statement } from '../shared/iam-policy.js';

const allowsS3Star = (s: Statement, effect: string) =>
  s.effect.toLowerCase() === effect && s.actions.some((action) => action.toLowerCase() === 's3:*');

export const iamNoS3FullAccess = defineRule({
  id: 'iam-no-s3-full-access',
  title: 'IAM policies do not allow s3:*',
  severity: 'high',
  resourceTypes: IDENTITY_POLICY_BLOCKS,
  anchors: ['AVD-AWS-0345'],
  help: 's3:* includes deleting buckets, rewriting bucket policies and turning off encryption or versioning. Name the S3 actions the workload calls.',
  check(block, context) {
    return judgeDocuments(block, context, 'identity', (document) => {
      const denied = document.statements.some((s) => allowsS3Star(s, 'deny'));
      return !denied && document.statements.some((s) => allowsS3Star(s, 'allow'))
        ? [`${document.origin} allows s3:*`]
        : [];
    });
  },
});
