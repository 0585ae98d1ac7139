import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { Construct } from 'constructs';
import { ManagedKey, serviceUseStatement } from './kms-key.js';

export interface EncryptedLogGroupProps {
  /** The log group name, e.g. `/aws/eks/promptsales-prod/cluster`. */
  logGroupName: string;
  /** Name of the KMS key (and its alias) that encrypts the group. */
  keyName: string;
  region: string;
  retentionInDays: number;
}

/** A CloudWatch log group encrypted with its own customer-managed key, with a retention period. */
export class EncryptedLogGroup extends Construct {
  readonly logGroup: CloudwatchLogGroup;
  readonly key: ManagedKey;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    this.key = new ManagedKey(this, 'key', {
      name: props.keyName,
      description: `Encrypts the ${props.logGroupName} log group`,
      serviceStatements: [
        serviceUseStatement('CloudWatchLogsUse', `logs.${props.region}.amazonaws.com`, [
          {
            test: 'ArnLike',
            variable: 'kms:EncryptionContext:aws:logs:arn',
            values: [`arn:aws:logs:${props.region}:*:log-group:${props.logGroupName}`],
          },
        ]),
      ],
    });
    this.logGroup = new CloudwatchLogGroup(this, 'group', {
      name: props.logGroupName,
      retentionInDays: props.retentionInDays,
      kmsKeyId: this.key.arn,
    });
  }
}
