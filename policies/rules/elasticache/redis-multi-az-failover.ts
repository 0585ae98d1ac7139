import { expectTrue, readNumber, unresolvedMessage } from '../../engine/checks.js';
import { combine, fail, pass, type Resource, unknown, type Verdict } from '../../engine/model.js';
import { defineRule, type RuleContext } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const redisMultiAzFailover = defineRule({
  id: 'redis-multi-az-failover',
  title: 'Redis is Multi-AZ with automatic failover',
  severity: 'high',
  resourceTypes: ['aws_elasticache_replication_group'],
  requirement: REQUIREMENTS.cache,
  anchors: ['AwsSolutions-AEC4', 'CKV2_AWS_50', 'FSBP:elasticache-replication-group-auto-failover-enabled'],
  help: 'Set multi_az_enabled = true and automatic_failover_enabled = true with at least one replica (num_cache_clusters ≥ 2, or replicas_per_node_group ≥ 1).',
  check: (group, context) =>
    combine([
      expectTrue(context, group.values, 'multi_az_enabled'),
      expectTrue(context, group.values, 'automatic_failover_enabled'),
      replicaVerdict(group, context),
    ]),
});

function replicaVerdict(group: Resource, context: RuleContext): Verdict {
  const replicas = readNumber(context, group.values.replicas_per_node_group);
  if (replicas.kind === 'number')
    return replicas.value >= 1 ? pass() : fail('replicas_per_node_group is 0: no replica to fail over to');
  const clusters = readNumber(context, group.values.num_cache_clusters);
  if (clusters.kind === 'number') {
    return clusters.value >= 2
      ? pass()
      : fail(`num_cache_clusters is ${clusters.value}: no replica to fail over to`);
  }
  if (replicas.kind === 'unknown')
    return unknown(unresolvedMessage('replicas_per_node_group', replicas.expression));
  if (clusters.kind === 'unknown')
    return unknown(unresolvedMessage('num_cache_clusters', clusters.expression));
  return fail(
    'neither num_cache_clusters nor replicas_per_node_group adds a replica (the default is one node)',
  );
}
