import { attachedTo } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';

export const vpcDefaultSecurityGroupClosed = defineRule({
  id: 'vpc-default-security-group-closed',
  title: "The VPC's default security group allows no traffic",
  severity: 'medium',
  resourceTypes: ['aws_vpc', 'aws_default_security_group'],
  anchors: [
    'cdk-nag:VPCDefaultSecurityGroupClosed',
    'CKV2_AWS_12',
    'AVD-AWS-0173',
    'FSBP:ec2-vpc-default-security-group-no-traffic',
  ],
  help: 'A new VPC comes with a default security group that lets members talk to each other and reach anywhere. Adopt it with an aws_default_security_group that has no ingress and no egress blocks, so nothing can fall back on it.',
  check(resource, context) {
    if (resource.type === 'aws_default_security_group') {
      const rules = blocks(resource.values.ingress).length + blocks(resource.values.egress).length;
      return rules === 0 ? pass() : fail(`the default security group still has ${rules} rule(s)`);
    }
    const { attached, unresolved } = attachedTo(context, 'aws_default_security_group', 'vpc_id', resource);
    if (attached.length > 0) return pass();
    if (unresolved.length > 0) return unknown(`${unresolved.join(', ')} name a VPC that cannot be resolved`);
    return fail("the VPC's default security group is not adopted, so its allow-all rules stay in place");
  },
});
