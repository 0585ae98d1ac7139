import { defineRule } from '../../engine/rule.js';
import { opensOutside, SECURITY_GROUP_TYPES } from './ingress-rules.js';
import { checkWorldIngress } from './world-ingress.js';

export const sgWorldIngressWebPortsOnly = defineRule({
  id: 'sg-world-ingress-web-ports-only',
  title: 'Only HTTP and HTTPS are open to the internet',
  severity: 'high',
  resourceTypes: SECURITY_GROUP_TYPES,
  anchors: [
    'AwsSolutions-EC23',
    'CKV_AWS_277',
    'CKV_AWS_260',
    'FSBP:ec2-security-group-ingress-traffic-restriction-to-unauthorized-ports',
  ],
  parameters: { authorizedPorts: [80, 443] },
  help: 'The ALB is the only entry point: ingress from 0.0.0.0/0 or ::/0 may open ports 80 and 443 and nothing else. Open other ports to the VPC CIDR or to a source security group instead.',
  check: (resource, context, { authorizedPorts }) =>
    checkWorldIngress(
      resource,
      context,
      (ports) => opensOutside(ports, authorizedPorts),
      'only 80/443 may be',
    ),
});
