import { unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { list } from '../../engine/values.js';

export const eksControlPlaneLogging = defineRule({
  id: 'eks-control-plane-logging',
  title: 'Every EKS control-plane log type is sent to CloudWatch',
  severity: 'medium',
  resourceTypes: ['aws_eks_cluster'],
  anchors: ['AwsSolutions-EKS2', 'CKV_AWS_37', 'AVD-AWS-0038', 'FSBP:eks-cluster-audit-logging-enabled'],
  parameters: { logTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] },
  help: 'The audit and authenticator logs answer who changed what in the cluster. List every type in enabled_cluster_log_types.',
  check(cluster, context, { logTypes }) {
    const resolved = context.resolve(cluster.values.enabled_cluster_log_types);
    if (resolved.kind !== 'literal' && resolved.kind !== 'absent')
      return unknown(unresolvedMessage('enabled_cluster_log_types', resolved.expression));
    const enabled = resolved.kind === 'literal' ? list(resolved.value).map(String) : [];
    if (enabled.some((type) => type.includes('${'))) {
      return unknown(unresolvedMessage('enabled_cluster_log_types', enabled.join(', ')));
    }
    const missing = logTypes.filter((type) => !enabled.includes(type));
    return missing.length === 0 ? pass() : fail(`enabled_cluster_log_types is missing ${missing.join(', ')}`);
  },
});
