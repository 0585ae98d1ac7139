import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks, valueAt } from '../../engine/values.js';
import { checkCompanions } from './bucket-companion.js';

const ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'];

export const s3DefaultEncryption = defineRule({
  id: 's3-default-encryption',
  title: 'S3 buckets declare a default server-side encryption',
  severity: 'high',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['CKV_AWS_19', 'AVD-AWS-0088'],
  help: 'Add an aws_s3_bucket_server_side_encryption_configuration for the bucket whose rule sets apply_server_side_encryption_by_default.sse_algorithm to "aws:kms" (or "AES256" where the writer supports nothing else, as ALB log delivery), so that the encryption is part of the reviewed configuration. s3-kms-encryption asks for a customer-managed key on top.',
  check: (bucket, context) =>
    checkCompanions(
      bucket,
      context,
      'aws_s3_bucket_server_side_encryption_configuration',
      'no aws_s3_bucket_server_side_encryption_configuration for the bucket',
      (configuration) => {
        const algorithms = blocks(configuration.values.rule).map((rule) =>
          valueAt(rule, 'apply_server_side_encryption_by_default.sse_algorithm'),
        );
        return algorithms.some((algorithm) => ALGORITHMS.includes(String(algorithm)))
          ? pass()
          : fail(`${configuration.address} sets no sse_algorithm among ${ALGORITHMS.join(', ')}`);
      },
    ),
});
