import { expectTrue } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const atlasBackupEnabled = defineRule({
  id: 'atlas-backup-enabled',
  title: 'Atlas cloud backups are enabled',
  severity: 'high',
  resourceTypes: ['mongodbatlas_advanced_cluster'],
  requirement: REQUIREMENTS.backups,
  anchors: ['Prowler:clusters_backup_enabled'],
  help: 'Set backup_enabled = true, so that Atlas takes the daily snapshots the backup schedule retains.',
  check: (cluster, context) => expectTrue(context, cluster.values, 'backup_enabled'),
});
