import { expectPresent } from '../../engine/checks.js';
import { pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { list } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';

export const redisAuth = defineRule({
  id: 'redis-auth',
  title: 'Redis requires authentication',
  severity: 'high',
  resourceTypes: ['aws_elasticache_replication_group'],
  requirement: REQUIREMENTS.tlsInTransit,
  anchors: ['AwsSolutions-AEC6', 'CKV_AWS_31', 'FSBP:elasticache-replication-group-redis-auth-enabled'],
  help: 'Set auth_token (from a secret, with transit encryption on) or attach RBAC users through user_group_ids; otherwise anyone who reaches the port can read and write the cache.',
  check(group, context) {
    if (list(group.values.user_group_ids).length > 0) return pass();
    return expectPresent(context, group.values, 'auth_token', 'an AUTH token or user_group_ids');
  },
});
