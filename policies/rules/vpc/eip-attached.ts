import { attachedTo, readFlag } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

/** The resources that put an Elastic IP to use, and the attribute that names it. */
const USERS = [
  { type: 'aws_nat_gateway', attribute: 'allocation_id' },
  { type: 'aws_eip_association', attribute: 'allocation_id' },
] as const;

export const eipAttached = defineRule({
  id: 'eip-attached',
  title: 'Every VPC Elastic IP is attached to an instance or a NAT gateway',
  severity: 'low',
  resourceTypes: ['aws_eip'],
  anchors: ['CKV2_AWS_19'],
  help: "An allocated Elastic IP that nothing uses is a public address kept for no purpose: it is billed, and it is an address someone may later attach by mistake. Name it in an aws_nat_gateway allocation_id, an aws_eip_association or the EIP's own instance, or remove it.",
  check(eip, context) {
    const inVpc = eip.values.domain === 'vpc' || readFlag(context, eip.values.vpc).kind === 'true';
    if (!inVpc) return pass();
    if (eip.values.instance !== undefined && eip.values.instance !== null) return pass();
    const unresolved: string[] = [];
    for (const { type, attribute } of USERS) {
      const found = attachedTo(context, type, attribute, eip);
      if (found.attached.length > 0) return pass();
      unresolved.push(...found.unresolved);
    }
    return unresolved.length > 0
      ? unknown(`${unresolved.join(', ')} name an allocation that cannot be resolved`)
      : fail('the Elastic IP is allocated in the VPC but attached to no instance or NAT gateway');
  },
});
