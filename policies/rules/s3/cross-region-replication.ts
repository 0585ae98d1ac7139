import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';
import { checkCompanions } from './bucket-companion.js';

export const s3CrossRegionReplication = defineRule({
  id: 's3-cross-region-replication',
  title: 'S3 buckets replicate to another Region',
  severity: 'low',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['CKV_AWS_144', 'cdk-nag:S3BucketReplicationEnabled'],
  help: 'Add an aws_s3_bucket_replication_configuration for the bucket with an enabled rule whose destination is a bucket in another Region, so that a regional outage or a deleted bucket loses no objects.',
  check: (bucket, context) =>
    checkCompanions(
      bucket,
      context,
      'aws_s3_bucket_replication_configuration',
      'no aws_s3_bucket_replication_configuration for the bucket',
      (replication) =>
        blocks(replication.values.rule).some((rule) => rule.status === 'Enabled')
          ? pass()
          : fail(`${replication.address} has no enabled rule`),
    ),
});
