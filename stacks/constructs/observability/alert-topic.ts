import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy/index.js';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription/index.js';
import { Construct } from 'constructs';

export interface AlertTargets {
  emails: string[];
  smsNumbers: string[];
  webhookUrls: string[];
}

export interface AlertTopicProps {
  name: string;
  kmsKeyArn: string;
  accountId: string;
  targets: AlertTargets;
}

/**
 * An SNS topic for alarms: encrypted with a customer-managed key, publishable by CloudWatch alarms of
 * this account over TLS only, delivering to e-mail, SMS and HTTPS webhooks.
 */
export class AlertTopic extends Construct {
  readonly topic: SnsTopic;
  readonly arn: string;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    this.topic = new SnsTopic(this, 'topic', {
      name: props.name,
      displayName: props.name,
      kmsMasterKeyId: props.kmsKeyArn,
    });
    this.arn = this.topic.arn;
    const policy = new DataAwsIamPolicyDocument(this, 'policy', {
      statement: [
        {
          sid: 'CloudWatchAlarmsPublish',
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }],
          actions: ['sns:Publish'],
          resources: [this.topic.arn],
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] }],
        },
        {
          sid: 'TlsOnly',
          effect: 'Deny',
          principals: [{ type: '*', identifiers: ['*'] }],
          actions: ['sns:Publish'],
          resources: [this.topic.arn],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
      ],
    });
    new SnsTopicPolicy(this, 'topic-policy', { arn: this.topic.arn, policy: policy.json });

    const subscribe = (protocol: string, endpoints: string[]) =>
      endpoints.forEach((endpoint, index) => {
        new SnsTopicSubscription(this, `${protocol}-${index}`, {
          topicArn: this.topic.arn,
          protocol,
          endpoint,
        });
      });
    subscribe('email', props.targets.emails);
    subscribe('sms', props.targets.smsNumbers);
    subscribe('https', props.targets.webhookUrls);
  }
}
