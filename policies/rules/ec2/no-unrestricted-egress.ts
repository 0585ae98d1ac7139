import { combine, fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { isFromWorld, permissionsOf, SECURITY_GROUP_TYPES } from './ingress-rules.js';

export const sgNoUnrestrictedEgress = defineRule({
  id: 'sg-no-unrestricted-egress',
  title: 'Egress is not open to every port of the internet',
  severity: 'low',
  resourceTypes: SECURITY_GROUP_TYPES,
  anchors: ['CKV_AWS_382', 'AVD-AWS-0104'],
  help: 'Egress on all protocols to 0.0.0.0/0 lets a compromised pod exfiltrate anywhere. Nodes need HTTPS out (image pulls, AWS APIs through NAT); restrict egress to 443 and the VPC CIDR. Kept at low severity: EKS nodes commonly need broad egress through NAT.',
  check: (resource, context) =>
    combine(
      permissionsOf(resource, context)
        .filter((permission) => permission.direction === 'egress')
        .map((permission) =>
          isFromWorld(permission) && permission.ports === 'all'
            ? fail('egress on all ports to 0.0.0.0/0 or ::/0')
            : pass(),
        ),
    ),
});
