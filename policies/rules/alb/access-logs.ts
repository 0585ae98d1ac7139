import { defineRule } from '../../engine/rule.js';
import { INGRESS_TYPES } from './ingress-annotations.js';
import { checkAttribute } from './load-balancer-attribute.js';

export const albAccessLogs = defineRule({
  id: 'alb-access-logs',
  title: 'The ALB writes access logs',
  severity: 'medium',
  resourceTypes: [...INGRESS_TYPES, 'aws_lb'],
  anchors: [
    'AwsSolutions-ELB2',
    'cdk-nag:ELBLoggingEnabled',
    'CKV_AWS_91',
    'FSBP:elb-ensure-access-logging-enabled',
  ],
  help: 'Access logs are the record of every request and its latency, the evidence for the error-rate budget. Add access_logs.s3.enabled=true and access_logs.s3.bucket=<bucket> to load-balancer-attributes (or an access_logs block with enabled = true on an aws_lb).',
  check: (resource, context) =>
    checkAttribute(resource, context, 'access_logs.s3.enabled', 'access_logs.enabled'),
});
