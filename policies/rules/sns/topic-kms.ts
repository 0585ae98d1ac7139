import { expectCustomerManagedKey } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const snsTopicKms = defineRule({
  id: 'sns-topic-kms',
  title: 'SNS topics are encrypted with a KMS key',
  severity: 'high',
  resourceTypes: ['aws_sns_topic'],
  requirement: REQUIREMENTS.encryptionAtRest,
  anchors: ['cdk-nag:SNSEncryptedKMS', 'CKV_AWS_26', 'AVD-AWS-0095', 'AVD-AWS-0136'],
  help: 'Set kms_master_key_id to a customer-managed key whose policy allows cloudwatch.amazonaws.com to use it (the AWS-managed alias/aws/sns key cannot be shared with CloudWatch alarms).',
  check: (topic, context) => expectCustomerManagedKey(context, topic.values, 'kms_master_key_id'),
});
