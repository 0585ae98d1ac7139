import { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan/index.js';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection/index.js';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault/index.js';
import { Construct } from 'constructs';
import { ServiceRole } from '../service-role.js';

export interface DatabaseBackupPlanProps {
  name: string;
  /** The database clusters (ARNs) the plan copies. */
  resourceArns: string[];
  kmsKeyArn: string;
  retentionDays: number;
}

/**
 * An AWS Backup plan over the Aurora clusters: a daily snapshot into an encrypted vault, kept as long
 * as the clusters' own backups. Unlike automated backups, these snapshots outlive a deleted cluster.
 * 07:00 UTC follows the Aurora backup window (03:00–04:00) and the maintenance window (Sunday 05:00–06:00).
 */
export class DatabaseBackupPlan extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: DatabaseBackupPlanProps) {
    super(scope, id);
    this.vault = new BackupVault(this, 'vault', { name: props.name, kmsKeyArn: props.kmsKeyArn });
    this.plan = new BackupPlan(this, 'plan', {
      name: props.name,
      rule: [
        {
          ruleName: 'daily',
          targetVaultName: this.vault.name,
          schedule: 'cron(0 7 * * ? *)',
          startWindow: 60,
          completionWindow: 480,
          lifecycle: { deleteAfter: props.retentionDays },
        },
      ],
    });
    const role = new ServiceRole(this, 'role', {
      name: `${props.name}-backup`,
      servicePrincipal: 'backup.amazonaws.com',
      managedPolicies: ['service-role/AWSBackupServiceRolePolicyForBackup'],
    });
    new BackupSelection(this, 'selection', {
      name: props.name,
      planId: this.plan.id,
      iamRoleArn: role.arn,
      resources: props.resourceArns,
      // AWS Backup checks the role's permissions when the selection is created.
      dependsOn: role.ready,
    });
  }
}
