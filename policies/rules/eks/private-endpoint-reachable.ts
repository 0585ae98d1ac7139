import { readFlag } from '../../engine/checks.js';
import { fail, pass, type Resource } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';

const HTTPS = 443;

/** Whether an ingress rule admits TCP 443 to the cluster's own security group. */
function admitsHttpsToCluster(rule: Resource, clusterAddress: string): boolean {
  const values = rule.values;
  if (rule.type === 'aws_security_group_rule' && values.type !== 'ingress') return false;
  const target = String(values.security_group_id ?? '');
  if (!target.includes(`${clusterAddress}.vpc_config`) || !target.includes('cluster_security_group_id'))
    return false;
  const protocol = String(values.ip_protocol ?? values.protocol ?? '');
  if (!['tcp', '6', '-1'].includes(protocol)) return false;
  if (protocol === '-1') return true;
  return Number(values.from_port) <= HTTPS && HTTPS <= Number(values.to_port);
}

export const eksPrivateEndpointReachable = defineRule({
  id: 'eks-private-endpoint-reachable',
  title: 'A private-only EKS API endpoint admits 443 from a named source',
  severity: 'high',
  resourceTypes: ['aws_eks_cluster'],
  anchors: [],
  deployReadiness: true,
  help: 'With endpoint_public_access = false the API server is reached only through the cluster security group, which admits nothing from outside by default; the kubernetes and helm providers of the next stacks then time out. Add an ingress rule on 443 to vpc_config.cluster_security_group_id from the deploy runner (cluster.apiAccess in the spec).',
  check(cluster, context) {
    const publicAccess = readFlag(context, valueAt(cluster.values, 'vpc_config.endpoint_public_access'));
    if (publicAccess.kind !== 'false') return pass();
    const rules = [
      ...context.ofType('aws_vpc_security_group_ingress_rule'),
      ...context.ofType('aws_security_group_rule'),
    ];
    return rules.some((rule) => admitsHttpsToCluster(rule, cluster.address))
      ? pass()
      : fail(
          'the endpoint is private-only and no ingress rule admits TCP 443 to vpc_config.cluster_security_group_id: nothing outside the cluster can reach the API',
        );
  },
});
