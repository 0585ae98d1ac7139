import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { allowsAction } from '../shared/policy-statements.js';
import { bucketPolicies } from './bucket-policy.js';

export const s3TlsOnly = defineRule({
  id: 's3-tls-only',
  title: 'S3 bucket policies refuse requests without TLS',
  severity: 'medium',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['AwsSolutions-S10', 'cdk-nag:S3BucketSSLRequestsOnly', 'FSBP:s3-bucket-ssl-requests-only'],
  help: 'Add to the bucket policy a statement with Effect "Deny", Principal "*", Action "s3:*" on the bucket and its objects, and Condition Bool aws:SecureTransport = "false", so that no request reaches the bucket over plain HTTP.',
  check(bucket, context) {
    const policies = bucketPolicies(bucket, context);
    if (policies.kind === 'unknown') return unknown(policies.detail);
    const denies = policies.statements.some(
      (statement) =>
        statement.effect === 'Deny' &&
        statement.principals.includes('*') &&
        allowsAction(statement, 's3:GetObject') &&
        allowsAction(statement, 's3:PutObject') &&
        Object.entries(statement.conditions).some(
          ([operator, keys]) =>
            operator === 'Bool' &&
            Object.entries(keys).some(
              ([key, value]) =>
                key.toLowerCase() === 'aws:securetransport' && String(value).toLowerCase() === 'false',
            ),
        ),
    );
    return denies ? pass() : fail('no bucket policy statement denies s3:* when aws:SecureTransport is false');
  },
});
