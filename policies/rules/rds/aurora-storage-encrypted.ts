import { expectTrue } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const auroraStorageEncrypted = defineRule({
  id: 'aurora-storage-encrypted',
  title: 'Aurora storage is encrypted',
  severity: 'high',
  resourceTypes: ['aws_rds_cluster'],
  requirement: REQUIREMENTS.encryptionAtRest,
  anchors: [
    'AwsSolutions-RDS2',
    'cdk-nag:RDSStorageEncrypted',
    'CKV_AWS_96',
    'AVD-AWS-0079',
    'FSBP:rds-cluster-encrypted-at-rest',
  ],
  help: 'Set storage_encrypted = true (AES-256). Encryption cannot be switched on for an existing cluster without a snapshot restore, so it has to be right from the first apply.',
  check: (cluster, context) => expectTrue(context, cluster.values, 'storage_encrypted'),
});
