import { expectCustomerManagedKey } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const logGroupKms = defineRule({
  id: 'log-group-kms',
  title: 'CloudWatch log groups are encrypted with a KMS key',
  severity: 'medium',
  resourceTypes: ['aws_cloudwatch_log_group'],
  requirement: REQUIREMENTS.encryptionAtRest,
  anchors: ['cdk-nag:CloudWatchLogGroupEncrypted', 'CKV_AWS_158', 'AVD-AWS-0017'],
  help: 'Application and audit logs can carry personal data. Set kms_key_id to a customer-managed key whose policy allows the logs service principal.',
  check: (group, context) => expectCustomerManagedKey(context, group.values, 'kms_key_id'),
});
