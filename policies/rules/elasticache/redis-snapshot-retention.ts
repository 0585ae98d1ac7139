import { expectAtLeast } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const redisSnapshotRetention = defineRule({
  id: 'redis-snapshot-retention',
  title: 'Redis keeps daily snapshots for at least 30 days',
  severity: 'high',
  resourceTypes: ['aws_elasticache_replication_group'],
  requirement: REQUIREMENTS.backups,
  anchors: [
    'cdk-nag:ElastiCacheRedisClusterAutomaticBackup',
    'CKV_AWS_134',
    'AVD-AWS-0050',
    'FSBP:elasticache-redis-cluster-auto-backup-enabled',
  ],
  parameters: { minimumDays: 30 },
  help: 'Set snapshot_retention_limit to at least 30 (days; ElastiCache allows up to 35). Unset, no snapshot is kept.',
  check: (group, context, { minimumDays }) =>
    expectAtLeast(context, group.values, 'snapshot_retention_limit', minimumDays, {
      whenAbsent: 0,
      unit: 'days',
    }),
});
