import { expectTrue } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const auroraDeletionProtection = defineRule({
  id: 'aurora-deletion-protection',
  title: 'Aurora clusters have deletion protection',
  severity: 'high',
  resourceTypes: ['aws_rds_cluster'],
  requirement: REQUIREMENTS.backups,
  anchors: [
    'AwsSolutions-RDS10',
    'CKV_AWS_139',
    'AVD-AWS-0343',
    'FSBP:rds-ensure-deletion-protection-enabled-for-rds-cluster',
  ],
  help: 'Set deletion_protection = true, so that a mistaken destroy cannot remove the cluster and its automated backups.',
  check: (cluster, context) => expectTrue(context, cluster.values, 'deletion_protection'),
});
