import { expectCustomerManagedKey } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const auroraKmsKey = defineRule({
  id: 'aurora-kms-key',
  title: 'Aurora is encrypted with a customer-managed KMS key',
  severity: 'high',
  resourceTypes: ['aws_rds_cluster'],
  requirement: REQUIREMENTS.encryptionAtRest,
  anchors: ['CKV_AWS_327', 'AVD-AWS-0079'],
  help: "Set kms_key_id to a customer-managed key (a reference to an aws_kms_key of the stack) so that key rotation, the key policy and CloudTrail records of its use are under the platform's control.",
  check: (cluster, context) => expectCustomerManagedKey(context, cluster.values, 'kms_key_id'),
});
