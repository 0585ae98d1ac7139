import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { bucketPolicies } from './bucket-policy.js';

const LOCKING_ACTIONS = ['s3:putbucketpolicy', 's3:*bucketpolicy', 's3:put*', 's3:*', '*'];

export const s3PolicyNoLockout = defineRule({
  id: 's3-policy-no-lockout',
  title: 'S3 bucket policies cannot lock out everyone but the root user',
  severity: 'medium',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['CKV_AWS_93'],
  help: 'An unconditional Deny of s3:PutBucketPolicy (or s3:*, s3:Put*, *) to Principal "*" locks every role out of the bucket policy, and only the root user can then repair it. Give the Deny a condition (aws:SecureTransport, aws:PrincipalArn …) or name the principals it is for.',
  check(bucket, context) {
    const policies = bucketPolicies(bucket, context);
    if (policies.kind === 'unknown') return unknown(policies.detail);
    const locking = policies.statements.filter(
      (statement) =>
        statement.effect === 'Deny' &&
        !statement.hasNotAction &&
        Object.keys(statement.conditions).length === 0 &&
        statement.principals.includes('*') &&
        statement.actions.some((action) => LOCKING_ACTIONS.includes(action.toLowerCase())),
    );
    return locking.length === 0
      ? pass()
      : fail(
          `the bucket policy denies ${locking.flatMap((s) => s.actions).join(', ')} to everyone without a condition`,
        );
  },
});
