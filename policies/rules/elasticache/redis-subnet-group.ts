import { expectPresent } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';

export const redisSubnetGroup = defineRule({
  id: 'redis-subnet-group',
  title: "Redis runs in the platform's private subnets",
  severity: 'medium',
  resourceTypes: ['aws_elasticache_replication_group'],
  anchors: ['AwsSolutions-AEC1', 'CKV_AWS_323', 'FSBP:elasticache-redis-cluster-non-default-subnet-enabled'],
  help: 'Set subnet_group_name to an aws_elasticache_subnet_group over the private data subnets; without it the cache lands in the default VPC.',
  check: (group, context) =>
    expectPresent(context, group.values, 'subnet_group_name', 'a subnet group of private subnets'),
});
