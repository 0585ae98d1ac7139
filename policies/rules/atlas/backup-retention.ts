import { attachedTo, readNumber, unresolvedMessage } from '../../engine/checks.js';
import { combine, fail, pass, unknown, type Verdict } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';

const DAYS_PER_UNIT: Record<string, number> = { days: 1, weeks: 7, months: 30, years: 365 };

export const atlasBackupRetention = defineRule({
  id: 'atlas-backup-retention',
  title: 'Atlas keeps daily snapshots for at least 30 days',
  severity: 'high',
  resourceTypes: ['mongodbatlas_advanced_cluster'],
  requirement: REQUIREMENTS.backups,
  anchors: [],
  parameters: { minimumDays: 30 },
  help: 'Add a mongodbatlas_cloud_backup_schedule for the cluster (cluster_name pointing at it) whose policy_item_daily retains at least 30 days. The default schedule keeps daily snapshots for 7 days.',
  check(cluster, context, { minimumDays }) {
    const { attached, unresolved } = attachedTo(
      context,
      'mongodbatlas_cloud_backup_schedule',
      'cluster_name',
      cluster,
      ['name'],
    );
    if (attached.length === 0) {
      return unresolved.length > 0
        ? unknown(`${unresolved.join(', ')} name a cluster that cannot be resolved`)
        : fail(
            'no mongodbatlas_cloud_backup_schedule for the cluster: the default keeps daily snapshots for 7 days',
          );
    }
    return combine(
      attached.map((schedule): Verdict => {
        const daily = blocks(schedule.values.policy_item_daily)[0];
        if (!daily) return fail(`${schedule.address} has no policy_item_daily`);
        const value = readNumber(context, daily.retention_value);
        if (value.kind === 'unknown')
          return unknown(unresolvedMessage('policy_item_daily.retention_value', value.expression));
        const perUnit = DAYS_PER_UNIT[String(daily.retention_unit)];
        if (value.kind !== 'number' || perUnit === undefined) {
          return fail(`${schedule.address} policy_item_daily has no readable retention_value/retention_unit`);
        }
        const days = value.value * perUnit;
        return days >= minimumDays
          ? pass()
          : fail(`${schedule.address} keeps daily snapshots for ${days} days; needs at least ${minimumDays}`);
      }),
    );
  },
});
