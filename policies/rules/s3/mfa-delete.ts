import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';
import { checkCompanions } from './bucket-companion.js';

export const s3MfaDelete = defineRule({
  id: 's3-mfa-delete',
  title: 'Versioned S3 buckets require MFA to delete versions',
  severity: 'low',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['AVD-AWS-0170'],
  help: 'Set versioning_configuration.mfa_delete = "Enabled" on the aws_s3_bucket_versioning (with its mfa argument): only the root user with its MFA device can then delete a version or suspend versioning.',
  check: (bucket, context) =>
    checkCompanions(
      bucket,
      context,
      'aws_s3_bucket_versioning',
      'no aws_s3_bucket_versioning for the bucket',
      (versioning) => {
        const mfaDelete = valueAt(versioning.values, 'versioning_configuration.mfa_delete');
        return mfaDelete === 'Enabled'
          ? pass()
          : fail(`mfa_delete is ${String(mfaDelete ?? 'not set (Disabled)')}`);
      },
    ),
});
