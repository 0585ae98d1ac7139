import { fail } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const vpcNoDefaultVpc = defineRule({
  id: 'vpc-no-default-vpc',
  title: 'Workloads do not use the default VPC',
  severity: 'high',
  resourceTypes: ['aws_default_vpc'],
  anchors: ['CKV_AWS_148', 'AVD-AWS-0101'],
  help: 'The default VPC has public subnets and permissive defaults. Create a dedicated aws_vpc and remove aws_default_vpc.',
  check: () => fail('the stack manages the default VPC'),
});
