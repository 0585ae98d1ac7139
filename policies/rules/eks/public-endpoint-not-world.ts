import { readFlag, unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { list, valueAt } from '../../engine/values.js';
import { WORLD_CIDRS } from '../ec2/ingress-rules.js';

export const eksPublicEndpointNotWorld = defineRule({
  id: 'eks-public-endpoint-not-world',
  title: 'A public EKS endpoint is not open to the whole internet',
  severity: 'critical',
  resourceTypes: ['aws_eks_cluster'],
  anchors: ['CKV_AWS_38', 'AVD-AWS-0041'],
  help: 'When the public endpoint stays enabled, public_access_cidrs must list the networks that may reach it; unset, it defaults to 0.0.0.0/0.',
  check(cluster, context) {
    const publicAccess = readFlag(context, valueAt(cluster.values, 'vpc_config.endpoint_public_access'));
    if (publicAccess.kind === 'false') return pass();
    const cidrsValue = valueAt(cluster.values, 'vpc_config.public_access_cidrs');
    const resolved = context.resolve(cidrsValue);
    if (resolved.kind !== 'literal' && resolved.kind !== 'absent')
      return unknown(unresolvedMessage('vpc_config.public_access_cidrs', resolved.expression));
    const cidrs = resolved.kind === 'literal' ? list(resolved.value).map(String) : [];
    if (cidrs.length === 0)
      return fail('the public endpoint is enabled and public_access_cidrs defaults to 0.0.0.0/0');
    const world = cidrs.filter((cidr) => WORLD_CIDRS.includes(cidr));
    return world.length > 0 ? fail(`public_access_cidrs includes ${world.join(', ')}`) : pass();
  },
});
