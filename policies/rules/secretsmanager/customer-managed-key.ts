import { expectCustomerManagedKey } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const secretCustomerManagedKey = defineRule({
  id: 'secret-customer-managed-key',
  title: 'Secrets Manager secrets are encrypted with a customer-managed KMS key',
  severity: 'low',
  resourceTypes: ['aws_secretsmanager_secret'],
  requirement: REQUIREMENTS.encryptionAtRest,
  anchors: ['AwsSolutions-SMG4', 'CKV_AWS_149', 'AVD-AWS-0098'],
  help: 'Set kms_key_id to a customer-managed aws_kms_key (not alias/aws/secretsmanager): its key policy then decides who can decrypt the secret, and the key can be rotated, audited and disabled.',
  check: (secret, context) => expectCustomerManagedKey(context, secret.values, 'kms_key_id'),
});
