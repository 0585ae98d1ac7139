import { expectTrue } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';

export const auroraCopyTagsToSnapshot = defineRule({
  id: 'aurora-copy-tags-to-snapshot',
  title: 'Aurora clusters copy their tags to snapshots',
  severity: 'low',
  resourceTypes: ['aws_rds_cluster'],
  anchors: ['CKV_AWS_313', 'FSBP:rds-cluster-copy-tags-to-snapshots-enabled'],
  help: "Set copy_tags_to_snapshot = true: snapshots then carry the cluster's environment and cost tags, so that tag-based access policies and cost reports cover them too.",
  check: (cluster, context) => expectTrue(context, cluster.values, 'copy_tags_to_snapshot'),
});
