import { expectTrue } from '../../engine/checks.js';
import { combine } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { checkCompanions } from './bucket-companion.js';

const SETTINGS = [
  'block_public_acls',
  'block_public_policy',
  'ignore_public_acls',
  'restrict_public_buckets',
];

export const s3PublicAccessBlock = defineRule({
  id: 's3-public-access-block',
  title: 'S3 buckets block every form of public access',
  severity: 'high',
  resourceTypes: ['aws_s3_bucket'],
  anchors: [
    'AwsSolutions-S2',
    'CKV2_AWS_6',
    'CKV_AWS_53',
    'CKV_AWS_54',
    'CKV_AWS_55',
    'CKV_AWS_56',
    'AVD-AWS-0086',
    'AVD-AWS-0087',
    'AVD-AWS-0091',
    'AVD-AWS-0093',
    'AVD-AWS-0094',
    'FSBP:s3-block-public-access-bucket-level',
  ],
  help: 'Add an aws_s3_bucket_public_access_block for the bucket with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all true.',
  check: (bucket, context) =>
    checkCompanions(
      bucket,
      context,
      'aws_s3_bucket_public_access_block',
      'no aws_s3_bucket_public_access_block for the bucket',
      (block) => combine(SETTINGS.map((setting) => expectTrue(context, block.values, setting))),
    ),
});
