import { expectTrue } from '../../engine/checks.js';
import { combine, fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const redisTransitEncryption = defineRule({
  id: 'redis-transit-encryption',
  title: 'Redis only accepts TLS connections',
  severity: 'high',
  resourceTypes: ['aws_elasticache_replication_group'],
  requirement: REQUIREMENTS.tlsInTransit,
  anchors: [
    'AwsSolutions-AEC3',
    'CKV_AWS_30',
    'AVD-AWS-0051',
    'FSBP:elasticache-replication-group-encryption-at-transit-enabled',
  ],
  help: 'Set transit_encryption_enabled = true and leave transit_encryption_mode unset or "required"; "preferred" still accepts plaintext clients.',
  check: (group, context) =>
    combine([
      expectTrue(context, group.values, 'transit_encryption_enabled'),
      group.values.transit_encryption_mode === 'preferred'
        ? fail('transit_encryption_mode is "preferred": plaintext clients are still accepted')
        : pass(),
    ]),
});
