import { attachedTo } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const vpcFlowLogsEnabled = defineRule({
  id: 'vpc-flow-logs-enabled',
  title: 'VPC traffic is captured by flow logs',
  severity: 'medium',
  resourceTypes: ['aws_vpc'],
  anchors: [
    'AwsSolutions-VPC7',
    'cdk-nag:VPCFlowLogsEnabled',
    'CKV2_AWS_11',
    'AVD-AWS-0178',
    'FSBP:ec2-vpc-flow-logging-enabled',
  ],
  help: 'Every VPC needs an aws_flow_log in the same stack whose vpc_id points at it, so that rejected and accepted traffic can be investigated after an incident.',
  check(vpc, context) {
    const { attached, unresolved } = attachedTo(context, 'aws_flow_log', 'vpc_id', vpc);
    if (attached.length > 0) return pass();
    if (unresolved.length > 0) return unknown(`${unresolved.join(', ')} name a VPC that cannot be resolved`);
    return fail('no aws_flow_log in this stack captures the VPC');
  },
});
