import {
  CloudwatchMetricAlarm,
  type CloudwatchMetricAlarmConfig,
} from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js';
import type { Construct } from 'constructs';

export type AlarmProps = Omit<
  CloudwatchMetricAlarmConfig,
  'alarmActions' | 'okActions' | 'actionsEnabled'
> & {
  /** The SNS topic told when the alarm fires and when it clears. */
  topicArn: string;
};

/** A CloudWatch alarm that always notifies its topic on ALARM and on OK. */
export function notifyingAlarm(scope: Construct, id: string, props: AlarmProps): CloudwatchMetricAlarm {
  const { topicArn, ...config } = props;
  return new CloudwatchMetricAlarm(scope, id, {
    treatMissingData: 'notBreaching',
    ...config,
    actionsEnabled: true,
    alarmActions: [topicArn],
    okActions: [topicArn],
  });
}
