import { expectTrue } from '../../engine/checks.js';
import { pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';

export const s3ObjectLock = defineRule({
  id: 's3-object-lock',
  title: 'S3 buckets have Object Lock enabled',
  severity: 'low',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['CKV_AWS_143'],
  help: 'Set object_lock_enabled = true on the bucket (it can only be chosen when the bucket is created) and add an aws_s3_bucket_object_lock_configuration with a default retention, so that objects cannot be deleted or overwritten before their retention ends.',
  check(bucket, context) {
    if (valueAt(bucket.values, 'object_lock_configuration.object_lock_enabled') === 'Enabled') return pass();
    return expectTrue(context, bucket.values, 'object_lock_enabled');
  },
});
