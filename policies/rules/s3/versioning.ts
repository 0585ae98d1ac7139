import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';
import { checkCompanions } from './bucket-companion.js';

export const s3Versioning = defineRule({
  id: 's3-versioning',
  title: 'S3 buckets keep object versions',
  severity: 'medium',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['cdk-nag:S3BucketVersioningEnabled', 'CKV_AWS_21', 'AVD-AWS-0090'],
  help: 'Add an aws_s3_bucket_versioning for the bucket with versioning_configuration.status = "Enabled", so that an overwrite or delete can be undone.',
  check: (bucket, context) =>
    checkCompanions(
      bucket,
      context,
      'aws_s3_bucket_versioning',
      'no aws_s3_bucket_versioning for the bucket',
      (versioning) => {
        const status = valueAt(versioning.values, 'versioning_configuration.status');
        return status === 'Enabled' ? pass() : fail(`versioning status is ${String(status ?? 'not set')}`);
      },
    ),
});
