import { pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';
import { checkCompanions } from './bucket-companion.js';

export const s3LifecycleConfiguration = defineRule({
  id: 's3-lifecycle-configuration',
  title: 'S3 buckets expire or transition objects on a schedule',
  severity: 'low',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['CKV2_AWS_61'],
  help: 'Add an aws_s3_bucket_lifecycle_configuration for the bucket that expires (or transitions) objects and old versions, so that storage does not grow without bound.',
  check(bucket, context) {
    if (blocks(bucket.values.lifecycle_rule).length > 0) return pass();
    return checkCompanions(
      bucket,
      context,
      'aws_s3_bucket_lifecycle_configuration',
      'no aws_s3_bucket_lifecycle_configuration for the bucket',
      () => pass(),
    );
  },
});
