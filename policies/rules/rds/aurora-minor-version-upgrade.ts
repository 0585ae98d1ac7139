import { expectTrue } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';

export const auroraMinorVersionUpgrade = defineRule({
  id: 'aurora-minor-version-upgrade',
  title: 'Aurora instances take minor engine upgrades automatically',
  severity: 'low',
  resourceTypes: ['aws_rds_cluster_instance'],
  anchors: ['CKV_AWS_226', 'FSBP:rds-automatic-minor-version-upgrade-enabled'],
  help: 'Set auto_minor_version_upgrade = true (and ignore engine_version changes in the lifecycle), so that security patches land in the maintenance window without a change to the configuration.',
  check: (instance, context) => expectTrue(context, instance.values, 'auto_minor_version_upgrade'),
});
