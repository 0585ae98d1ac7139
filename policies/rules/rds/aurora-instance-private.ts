import { expectNotTrue } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';

export const auroraInstancePrivate = defineRule({
  id: 'aurora-instance-private',
  title: 'Aurora instances are not publicly accessible',
  severity: 'critical',
  resourceTypes: ['aws_rds_cluster_instance', 'aws_db_instance'],
  anchors: [
    'cdk-nag:RDSInstancePublicAccess',
    'CKV_AWS_17',
    'AVD-AWS-0180',
    'FSBP:rds-instance-should-be-private',
  ],
  help: 'publicly_accessible = true gives the instance a public DNS name and address. Leave it unset or false; services reach the database inside the VPC.',
  check: (instance, context) => expectNotTrue(context, instance.values, 'publicly_accessible'),
});
