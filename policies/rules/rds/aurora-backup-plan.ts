import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { list } from '../../engine/values.js';

export const auroraBackupPlan = defineRule({
  id: 'aurora-backup-plan',
  title: 'Aurora clusters are in an AWS Backup plan',
  severity: 'low',
  resourceTypes: ['aws_rds_cluster'],
  anchors: ['CKV2_AWS_8', 'cdk-nag:RDSInBackupPlan'],
  help: 'Add an aws_backup_selection of an aws_backup_plan whose resources include the cluster ARN: AWS Backup copies snapshots to a vault (and another Region or account) that outlives the cluster, which automated backups do not.',
  check(cluster, context) {
    const selected = context.ofType('aws_backup_selection').some((selection) =>
      list(selection.values.resources).some((entry) => {
        const resolved = context.resolve(entry);
        return resolved.kind === 'reference' && resolved.target === cluster;
      }),
    );
    return selected ? pass() : fail('no aws_backup_selection names the cluster');
  },
});
