import { expectTrue, readFlag, unresolvedMessage } from '../../engine/checks.js';
import { combine, fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';

export const eksEndpointPrivate = defineRule({
  id: 'eks-endpoint-private',
  title: 'The EKS API endpoint is private',
  severity: 'critical',
  resourceTypes: ['aws_eks_cluster'],
  anchors: [
    'AwsSolutions-EKS1',
    'CKV_AWS_39',
    'AVD-AWS-0040',
    'FSBP:eks-cluster-endpoints-restrict-public-access',
  ],
  help: 'The control plane is reached from inside the VPC (nodes, CI runners, VPN). Set vpc_config.endpoint_private_access = true and endpoint_public_access = false; the provider defaults are the opposite.',
  check(cluster, context) {
    const publicAccess = readFlag(context, valueAt(cluster.values, 'vpc_config.endpoint_public_access'));
    const publicVerdict =
      publicAccess.kind === 'false'
        ? pass()
        : publicAccess.kind === 'unknown'
          ? unknown(unresolvedMessage('vpc_config.endpoint_public_access', publicAccess.expression))
          : fail(
              `vpc_config.endpoint_public_access is ${publicAccess.kind === 'true' ? 'true' : 'not set (defaults to true)'}`,
            );
    return combine([
      expectTrue(context, cluster.values, 'vpc_config.endpoint_private_access'),
      publicVerdict,
    ]);
  },
});
