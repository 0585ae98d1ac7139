import { attachedTo } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';
import { bucketPolicies } from './bucket-policy.js';

const S3_LOG_DELIVERY = 'logging.s3.amazonaws.com';

export const s3AccessLogging = defineRule({
  id: 's3-access-logging',
  title: 'S3 buckets log server access requests',
  severity: 'low',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['AwsSolutions-S1', 'CKV_AWS_18', 'AVD-AWS-0089'],
  help: 'Add an aws_s3_bucket_logging for the bucket with target_bucket set to a log bucket, so that every request to the bucket is recorded. A bucket that receives S3 server access logs (its policy lets logging.s3.amazonaws.com put objects) is the log destination and passes.',
  check(bucket, context) {
    if (blocks(bucket.values.logging).length > 0) return pass();
    const { attached, unresolved } = attachedTo(context, 'aws_s3_bucket_logging', 'bucket', bucket, [
      'bucket',
    ]);
    if (attached.length > 0) return pass();
    const policies = bucketPolicies(bucket, context);
    if (
      policies.kind === 'statements' &&
      policies.statements.some(
        (statement) => statement.effect === 'Allow' && statement.principals.includes(S3_LOG_DELIVERY),
      )
    )
      return pass();
    if (unresolved.length > 0)
      return unknown(`${unresolved.join(', ')} name a bucket that cannot be resolved`);
    return fail('no aws_s3_bucket_logging for the bucket');
  },
});
