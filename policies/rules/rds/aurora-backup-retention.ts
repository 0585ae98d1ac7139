import { expectAtLeast } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const auroraBackupRetention = defineRule({
  id: 'aurora-backup-retention',
  title: 'Aurora keeps automated backups for at least 30 days',
  severity: 'high',
  resourceTypes: ['aws_rds_cluster'],
  requirement: REQUIREMENTS.backups,
  anchors: ['AwsSolutions-RDS13', 'CKV_AWS_133', 'AVD-AWS-0077', 'FSBP:rds-ensure-automatic-backups-enabled'],
  parameters: { minimumDays: 30 },
  help: 'Set backup_retention_period to at least 30 (days; Aurora allows up to 35). Unset, it is 1 day.',
  check: (cluster, context, { minimumDays }) =>
    expectAtLeast(context, cluster.values, 'backup_retention_period', minimumDays, {
      whenAbsent: 1,
      unit: 'days',
    }),
});
