import { expectNotTrue } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';

export const vpcSubnetNoPublicIp = defineRule({
  id: 'vpc-subnet-no-public-ip',
  title: 'Subnets do not give instances public IP addresses',
  severity: 'high',
  resourceTypes: ['aws_subnet'],
  anchors: [
    'cdk-nag:VPCSubnetAutoAssignPublicIpDisabled',
    'CKV_AWS_130',
    'AVD-AWS-0164',
    'FSBP:ec2-subnet-with-auto-assign-public-ip-disabled',
  ],
  help: 'map_public_ip_on_launch puts every node launched in the subnet on the internet. The ALB reaches the internet through its own public subnets; nodes and databases stay private. Remove map_public_ip_on_launch or set it to false.',
  check: (subnet, context) => expectNotTrue(context, subnet.values, 'map_public_ip_on_launch'),
});
