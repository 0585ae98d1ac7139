import { expectTrue } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';

export const auroraPerformanceInsights = defineRule({
  id: 'aurora-performance-insights',
  title: 'Aurora instances have Performance Insights',
  severity: 'low',
  resourceTypes: ['aws_rds_cluster_instance'],
  anchors: [
    'cdk-nag:RDSEnhancedMonitoringEnabled',
    'CKV_AWS_353',
    'AVD-AWS-0133',
    'FSBP:rds-ensure-monitoring-configured',
  ],
  help: 'Set performance_insights_enabled = true: load by query and wait event is how a latency regression gets diagnosed.',
  check: (instance, context) => expectTrue(context, instance.values, 'performance_insights_enabled'),
});
