import { expectCustomerManagedKey } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const redisKmsKey = defineRule({
  id: 'redis-kms-key',
  title: 'Redis is encrypted with a customer-managed KMS key',
  severity: 'high',
  resourceTypes: ['aws_elasticache_replication_group'],
  requirement: REQUIREMENTS.encryptionAtRest,
  anchors: ['CKV_AWS_191'],
  help: "Set kms_key_id to a customer-managed KMS key, so that its rotation and policy are under the platform's control.",
  check: (group, context) => expectCustomerManagedKey(context, group.values, 'kms_key_id'),
});
