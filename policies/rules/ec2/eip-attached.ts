import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

const HOLDERS = ['aws_instance', 'aws_nat_gateway', 'aws_transfer_server'];

export const eipAttached = defineRule({
  id: 'eip-attached',
  title: 'Every VPC Elastic IP is attached to an instance or NAT gateway',
  severity: 'low',
  resourceTypes: ['aws_eip'],
  anchors: ['CKV2_AWS_19'],
  help: 'Give the Elastic IP to a NAT gateway (allocation_id), an instance or an aws_eip_association, or release it: an idle address is billed by the hour and keeps a public IP nobody serves.',
  check(eip, context) {
    if (eip.values.instance !== undefined || eip.values.network_interface !== undefined) return pass();
    const needle = `${eip.type}.${eip.name}.`;
    const held = [...HOLDERS, 'aws_eip_association'].some((type) =>
      context.ofType(type).some((holder) => JSON.stringify(holder.values).includes(needle)),
    );
    return held ? pass() : fail('no instance, NAT gateway or association uses the address');
  },
});
