import { expectPresent, readNumber } from '../../engine/checks.js';
import { combine, fail, pass, unknown, type Verdict } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const auroraEnhancedMonitoring = defineRule({
  id: 'aurora-enhanced-monitoring',
  title: 'Aurora instances have enhanced monitoring',
  severity: 'low',
  resourceTypes: ['aws_rds_cluster_instance'],
  anchors: ['CKV_AWS_118', 'FSBP:rds-enhanced-monitoring-enabled'],
  parameters: { intervals: [1, 5, 10, 15, 30, 60] },
  help: 'Set monitoring_interval to one of 1, 5, 10, 15, 30 or 60 seconds and monitoring_role_arn to a role that monitoring.rds.amazonaws.com assumes (with AmazonRDSEnhancedMonitoringRole): the OS metrics (memory, swap, processes) are not in CloudWatch otherwise.',
  check(instance, context, { intervals }) {
    const read = readNumber(context, instance.values.monitoring_interval);
    let interval: Verdict;
    if (read.kind === 'unknown') interval = unknown(`monitoring_interval is ${read.expression}`);
    else if (read.kind === 'number' && (intervals as readonly number[]).includes(read.value))
      interval = pass();
    else
      interval = fail(`monitoring_interval is ${read.kind === 'number' ? read.value : 'not set (0, off)'}`);
    return combine([
      interval,
      interval.status === 'pass'
        ? expectPresent(context, instance.values, 'monitoring_role_arn', 'enhanced monitoring needs its role')
        : pass(),
    ]);
  },
});
