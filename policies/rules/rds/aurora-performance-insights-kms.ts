import { expectCustomerManagedKey, readFlag } from '../../engine/checks.js';
import { pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const auroraPerformanceInsightsKms = defineRule({
  id: 'aurora-performance-insights-kms',
  title: 'Performance Insights data is encrypted with a customer-managed KMS key',
  severity: 'low',
  resourceTypes: ['aws_rds_cluster_instance'],
  anchors: ['CKV_AWS_354', 'AVD-AWS-0078'],
  help: "Set performance_insights_kms_key_id to a customer-managed key (the cluster's storage key will do) wherever performance_insights_enabled is true: Performance Insights keeps SQL text, and the AWS-managed key cannot be restricted or audited.",
  check(instance, context) {
    if (readFlag(context, instance.values.performance_insights_enabled).kind !== 'true') return pass();
    return expectCustomerManagedKey(context, instance.values, 'performance_insights_kms_key_id');
  },
});
