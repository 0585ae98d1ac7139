import { expectCustomerManagedKey } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const backupVaultKms = defineRule({
  id: 'backup-vault-kms',
  title: 'AWS Backup vaults are encrypted with a customer-managed KMS key',
  severity: 'medium',
  resourceTypes: ['aws_backup_vault'],
  requirement: REQUIREMENTS.encryptionAtRest,
  anchors: ['CKV_AWS_166'],
  help: 'Set kms_key_arn on the aws_backup_vault to a customer-managed key: without it the vault uses the AWS-managed aws/backup key, whose policy cannot be restricted.',
  check: (vault, context) => expectCustomerManagedKey(context, vault.values, 'kms_key_arn'),
});
