import { expectAtLeast } from '../../engine/checks.js';
import { pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { engineFamily } from './cluster-parts.js';

export const auroraBacktracking = defineRule({
  id: 'aurora-backtracking',
  title: 'Aurora MySQL clusters can backtrack',
  severity: 'medium',
  resourceTypes: ['aws_rds_cluster'],
  anchors: ['CKV_AWS_326', 'FSBP:aurora-mysql-backtracking-enabled'],
  help: 'Set backtrack_window (seconds, up to 259200) on Aurora MySQL clusters: a bad migration or a mass delete can then be rewound in minutes, without restoring a snapshot into a new cluster. Aurora PostgreSQL has no backtracking; its clusters pass.',
  check(cluster, context) {
    if (engineFamily(cluster) !== 'mysql') return pass();
    return expectAtLeast(context, cluster.values, 'backtrack_window', 1, { unit: 's' });
  },
});
