import { readFlag, unresolvedMessage } from '../../engine/checks.js';
import { combine, fail, pass, unknown, type Verdict } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';

export const launchTemplateNoPublicIp = defineRule({
  id: 'launch-template-no-public-ip',
  title: 'Launch templates do not give instances a public IP address',
  severity: 'high',
  resourceTypes: ['aws_launch_template'],
  anchors: ['CKV_AWS_88'],
  help: 'A network interface with associate_public_ip_address = true puts every node on the internet, past the private subnets and the NAT gateways. Nodes stay private; remove associate_public_ip_address or set it to false.',
  check(template, context) {
    const verdicts = blocks(template.values.network_interfaces).map((networkInterface, index): Verdict => {
      const path = `network_interfaces.${index}.associate_public_ip_address`;
      const flag = readFlag(context, networkInterface.associate_public_ip_address);
      if (flag.kind === 'true') return fail(`${path} is true`);
      if (flag.kind === 'unknown') return unknown(unresolvedMessage(path, flag.expression));
      return pass();
    });
    return combine(verdicts);
  },
});
