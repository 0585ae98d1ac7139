import { readFlag } from '../../engine/checks.js';
import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { list, valueAt } from '../../engine/values.js';

/** `16.6` or `8.0.mysql_aurora.3.08.0`: a version below the major, which minor upgrades move. */
function pinsMinor(engine: string, version: string): boolean {
  return engine === 'aurora-mysql' ? /mysql_aurora\.\d+\.\d+/.test(version) : /^\d+\.\d+/.test(version);
}

export const auroraVersionDrift = defineRule({
  id: 'aurora-minor-version-drift',
  title: 'Aurora does not pin a minor version that automatic minor upgrades move',
  severity: 'high',
  resourceTypes: ['aws_rds_cluster', 'aws_rds_cluster_instance'],
  anchors: [],
  deployReadiness: true,
  help: 'With auto_minor_version_upgrade on (the default) Aurora moves to newer minor versions in the maintenance window; a pinned minor engine_version then makes the next plan try a downgrade, which fails. Either list engine_version in lifecycle.ignore_changes, or pin the major only.',
  check(resource, context) {
    const version = valueAt(resource.values, 'engine_version');
    const engine = String(resource.values.engine ?? '');
    if (typeof version !== 'string' || !pinsMinor(engine, version)) return pass();
    if (list(valueAt(resource.values, 'lifecycle.ignore_changes')).includes('engine_version')) return pass();
    const upgrades = context
      .ofType('aws_rds_cluster_instance')
      .some((instance) => readFlag(context, instance.values.auto_minor_version_upgrade).kind !== 'false');
    return upgrades
      ? fail(
          `engine_version ${version} pins a minor version while automatic minor upgrades are on, and lifecycle.ignore_changes does not list engine_version`,
        )
      : pass();
  },
});
