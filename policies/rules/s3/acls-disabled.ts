import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';
import { checkCompanions } from './bucket-companion.js';

export const s3AclsDisabled = defineRule({
  id: 's3-acls-disabled',
  title: 'S3 buckets disable ACLs (bucket owner enforced)',
  severity: 'medium',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['CKV2_AWS_65'],
  help: 'Add an aws_s3_bucket_ownership_controls for the bucket with rule.object_ownership = "BucketOwnerEnforced": ACLs stop applying, and the bucket policy alone decides who may read or write.',
  check: (bucket, context) =>
    checkCompanions(
      bucket,
      context,
      'aws_s3_bucket_ownership_controls',
      'no aws_s3_bucket_ownership_controls for the bucket',
      (controls) => {
        const ownership = valueAt(controls.values, 'rule.object_ownership');
        return ownership === 'BucketOwnerEnforced'
          ? pass()
          : fail(`object_ownership is ${String(ownership ?? 'not set')}`);
      },
    ),
});
