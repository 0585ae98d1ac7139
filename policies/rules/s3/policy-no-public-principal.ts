import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import type { PolicyStatement } from '../shared/policy-statements.js';
import { bucketPolicies } from './bucket-policy.js';

// Condition keys that pin an Allow for everyone to a known network, organization or principal.
const NARROWING_KEYS = [
  'aws:sourcevpce',
  'aws:sourcevpc',
  'aws:vpceaccount',
  'aws:principalorgpaths',
  'aws:userid',
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:ec2instancesourcevpc',
  'ec2:sourceinstancearn',
  'lambda:sourcefunctionarn',
  'ssm:sourceinstancearn',
];
const STRING_OPERATORS = ['StringEquals', 'StringEqualsIgnoreCase', 'StringLike'];
const ANY_ARN = /^arn:aws:[a-z0-9-]+::\*/;

/** Checkov's reading of CKV_AWS_70: which conditions make an Allow for `*` specific enough. */
function isNarrowed(statement: PolicyStatement): boolean {
  const { conditions } = statement;
  if ('ArnNotEquals' in conditions || 'ArnNotLike' in conditions) return true;
  for (const operator of ['ArnEquals', 'ArnLike']) {
    const keys = conditions[operator];
    if (!keys) continue;
    return !Object.entries(keys).some(
      ([key, value]) =>
        ['aws:principalarn', 'aws:sourcearn'].includes(key.toLowerCase()) && ANY_ARN.test(String(value)),
    );
  }
  return STRING_OPERATORS.some((operator) =>
    Object.keys(conditions[operator] ?? {}).some((key) => NARROWING_KEYS.includes(key.toLowerCase())),
  );
}

export const s3PolicyNoPublicPrincipal = defineRule({
  id: 's3-policy-no-public-principal',
  title: 'S3 bucket policies allow nothing to any principal',
  severity: 'high',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['CKV_AWS_70', 'FSBP:s3-bucket-policy-grantee-check'],
  help: 'Name the principals an Allow statement of the bucket policy is for (an account, a role or a service), or narrow a Principal "*" with a condition on aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn or aws:SourceVpce. Deny statements for "*" (such as the TLS-only statement) are fine.',
  check(bucket, context) {
    const policies = bucketPolicies(bucket, context);
    if (policies.kind === 'unknown') return unknown(policies.detail);
    const open = policies.statements.filter(
      (statement) =>
        statement.effect === 'Allow' && statement.principals.includes('*') && !isNarrowed(statement),
    );
    return open.length === 0
      ? pass()
      : fail(
          `the bucket policy allows ${open.flatMap((statement) => statement.actions).join(', ')} to any principal`,
        );
  },
});
