import { defineRule } from '../../engine/rule.js';
import { coversAny, SECURITY_GROUP_TYPES } from './ingress-rules.js';
import { checkWorldIngress } from './world-ingress.js';

export const sgNoAdminPortsFromWorld = defineRule({
  id: 'sg-no-admin-ports-from-world',
  title: 'SSH and RDP are not open to the internet',
  severity: 'critical',
  resourceTypes: SECURITY_GROUP_TYPES,
  anchors: [
    'cdk-nag:EC2RestrictedSSH',
    'CKV_AWS_24',
    'CKV_AWS_25',
    'AVD-AWS-0107',
    'FSBP:ec2-security-group-ingress-traffic-restriction-to-common-ports',
  ],
  parameters: { adminPorts: [22, 3389] },
  help: 'Remote administration from anywhere is the most scanned door on the internet. Reach nodes through SSM Session Manager, or open 22/3389 to a bastion security group only.',
  check: (resource, context, { adminPorts }) =>
    checkWorldIngress(resource, context, (ports) => coversAny(ports, adminPorts), 'SSH/RDP'),
});
