import { expectCustomerManagedKey } from '../../engine/checks.js';
import { combine, fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks, valueAt } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';
import { checkCompanions } from './bucket-companion.js';

export const s3KmsEncryption = defineRule({
  id: 's3-kms-encryption',
  title: 'S3 buckets encrypt objects with a KMS key by default',
  severity: 'high',
  resourceTypes: ['aws_s3_bucket'],
  requirement: REQUIREMENTS.encryptionAtRest,
  anchors: ['cdk-nag:S3DefaultEncryptionKMS', 'CKV_AWS_145', 'AVD-AWS-0132'],
  help: 'Add an aws_s3_bucket_server_side_encryption_configuration for the bucket whose rule applies sse_algorithm "aws:kms" with kms_master_key_id set to a customer-managed key.',
  check: (bucket, context) =>
    checkCompanions(
      bucket,
      context,
      'aws_s3_bucket_server_side_encryption_configuration',
      'no aws_s3_bucket_server_side_encryption_configuration for the bucket',
      (configuration) => {
        const rule = blocks(configuration.values.rule)[0];
        const defaults = rule && valueAt(rule, 'apply_server_side_encryption_by_default');
        if (!rule || !defaults)
          return fail(`${configuration.address} has no apply_server_side_encryption_by_default`);
        const algorithm = valueAt(defaults, 'sse_algorithm');
        const kms = algorithm === 'aws:kms' || algorithm === 'aws:kms:dsse';
        return combine([
          kms ? pass() : fail(`sse_algorithm is ${String(algorithm)}; needs aws:kms`),
          expectCustomerManagedKey(context, blocks(defaults)[0] ?? {}, 'kms_master_key_id'),
        ]);
      },
    ),
});
