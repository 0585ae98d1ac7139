import { expectTrue } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const redisAtRestEncryption = defineRule({
  id: 'redis-at-rest-encryption',
  title: 'Redis encrypts data at rest',
  severity: 'high',
  resourceTypes: ['aws_elasticache_replication_group'],
  requirement: REQUIREMENTS.encryptionAtRest,
  anchors: [
    'AwsSolutions-AEC3',
    'CKV_AWS_29',
    'AVD-AWS-0045',
    'FSBP:elasticache-replication-group-encryption-at-rest-enabled',
  ],
  help: 'Set at_rest_encryption_enabled = "true" (the provider types it as a string). It cannot be changed after creation.',
  check: (group, context) => expectTrue(context, group.values, 'at_rest_encryption_enabled'),
});
