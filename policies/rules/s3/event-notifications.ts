import { pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { checkCompanions } from './bucket-companion.js';

export const s3EventNotifications = defineRule({
  id: 's3-event-notifications',
  title: 'S3 buckets send event notifications',
  severity: 'low',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['CKV2_AWS_62'],
  help: 'Add an aws_s3_bucket_notification for the bucket (to EventBridge, SNS, SQS or Lambda), so that object creation and deletion can be watched and acted on.',
  check: (bucket, context) =>
    checkCompanions(
      bucket,
      context,
      'aws_s3_bucket_notification',
      'no aws_s3_bucket_notification for the bucket',
      () => pass(),
    ),
});
