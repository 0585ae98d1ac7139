import { expectTrue } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';

export const auroraIamAuth = defineRule({
  id: 'aurora-iam-auth',
  title: 'Aurora accepts IAM database authentication',
  severity: 'medium',
  resourceTypes: ['aws_rds_cluster'],
  anchors: [
    'AwsSolutions-RDS6',
    'CKV_AWS_162',
    'AVD-AWS-0176',
    'FSBP:rds-ensure-iam-auth-configured-for-rds-cluster',
  ],
  help: 'Set iam_database_authentication_enabled = true, so that services can use short-lived IAM tokens instead of long-lived passwords.',
  check: (cluster, context) => expectTrue(context, cluster.values, 'iam_database_authentication_enabled'),
});
