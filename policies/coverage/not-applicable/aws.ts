import type { NotApplicable } from './declaration.js';

/** Checks on S3, API Gateway and CloudTrail-backed buckets that cannot apply to what the stacks synthesize. */
export const NOT_APPLICABLE: NotApplicable[] = [
  {
    check: 'CKV2_AWS_51',
    reason:
      'Client certificates authenticate API Gateway to a REST or WebSocket backend; Checkov passes every stage of an HTTP API, and the only API the stacks create is an HTTP API (its backend, the internal ALB, is reached over a VPC link with TLS verified against the API certificate name).',
    confirmedBy: {
      kind: 'attribute-equals',
      type: 'aws_apigatewayv2_api',
      path: 'protocol_type',
      value: 'HTTP',
    },
  },
  {
    check: 'AVD-AWS-0161',
    reason:
      'The check judges the S3 bucket a CloudTrail trail writes to; the stacks create no trail (s3-no-public-acl and s3-public-access-block cover every bucket they do create).',
    confirmedBy: { kind: 'type-absent', type: 'aws_cloudtrail' },
  },
  {
    check: 'AVD-AWS-0163',
    reason:
      'The check asks for access logging on the S3 bucket of a CloudTrail trail; the stacks create no trail (s3-access-logging covers every bucket they do create).',
    confirmedBy: { kind: 'type-absent', type: 'aws_cloudtrail' },
  },
];
