import { defineRule } from '../../engine/rule.js';
import { coversAny, SECURITY_GROUP_TYPES } from './ingress-rules.js';
import { checkWorldIngress } from './world-ingress.js';

export const sgNoDataPortsFromWorld = defineRule({
  id: 'sg-no-data-ports-from-world',
  title: 'Database, cache and node ports are not open to the internet',
  severity: 'critical',
  resourceTypes: SECURITY_GROUP_TYPES,
  anchors: [
    'cdk-nag:EC2RestrictedCommonPorts',
    'AwsSolutions-RDS8',
    'cdk-nag:RDSRestrictedInbound',
    'CKV_AWS_277',
  ],
  parameters: {
    // PostgreSQL, MySQL, Redis, MongoDB, kubelet
    dataPorts: [5432, 3306, 6379, 27017, 10250],
    nodePortRange: [30000, 32767],
  },
  help: 'Aurora (5432/3306), Redis (6379), MongoDB (27017), the kubelet (10250) and Kubernetes NodePorts (30000-32767) are reached from inside the VPC only. Replace 0.0.0.0/0 with the source security group of the nodes.',
  check: (resource, context, { dataPorts, nodePortRange }) => {
    const range = [nodePortRange[0]!, nodePortRange[1]!] as const;
    return checkWorldIngress(
      resource,
      context,
      (ports) => coversAny(ports, [...dataPorts, range]),
      'database, cache or node port',
    );
  },
});
