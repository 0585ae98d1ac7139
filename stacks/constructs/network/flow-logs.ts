import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import { Construct } from 'constructs';
import { EncryptedLogGroup } from '../encrypted-log-group.js';

export interface VpcFlowLogsProps {
  vpcId: string;
  /** `promptsales-prod`: prefixes the log group, key and role names. */
  namePrefix: string;
  region: string;
  retentionInDays: number;
}

/** All traffic of the VPC, accepted and rejected, into a KMS-encrypted CloudWatch log group. */
export class VpcFlowLogs extends Construct {
  readonly flowLog: FlowLog;
  readonly logGroup: EncryptedLogGroup;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    this.logGroup = new EncryptedLogGroup(this, 'logs', {
      logGroupName: `/aws/vpc/${props.namePrefix}/flow-logs`,
      keyName: `${props.namePrefix}-flow-logs`,
      region: props.region,
      retentionInDays: props.retentionInDays,
    });
    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [
        {
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: ['vpc-flow-logs.amazonaws.com'] }],
          actions: ['sts:AssumeRole'],
        },
      ],
    });
    const role = new IamRole(this, 'role', {
      name: `${props.namePrefix}-flow-logs`,
      assumeRolePolicy: trust.json,
    });
    const delivery = new DataAwsIamPolicyDocument(this, 'delivery', {
      statement: [
        {
          effect: 'Allow',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [`${this.logGroup.logGroup.arn}:*`],
        },
      ],
    });
    new IamRolePolicy(this, 'delivery-policy', { role: role.id, policy: delivery.json });
    this.flowLog = new FlowLog(this, 'flow-log', {
      vpcId: props.vpcId,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: this.logGroup.logGroup.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
    });
  }
}
