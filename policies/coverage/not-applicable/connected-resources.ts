import type { NotApplicable } from './declaration.js';

/**
 * Checks that report on a type the stacks never create and read one of ours only as a connected
 * resource: with no block of the reported type, the scanner has nothing to report on.
 */
export const CONNECTED_RESOURCE_CHECKS: NotApplicable[] = [
  {
    check: 'CKV2_AWS_1',
    reason:
      'Reports on aws_network_acl, which the stacks never create: subnets keep the VPC default network ACL and traffic is filtered by security groups.',
    confirmedBy: { kind: 'type-absent', type: 'aws_network_acl' },
  },
  {
    check: 'CKV2_AWS_7',
    reason: 'Reports on aws_emr_cluster; the platform runs no EMR cluster.',
    confirmedBy: { kind: 'type-absent', type: 'aws_emr_cluster' },
  },
  {
    check: 'CKV2_AWS_10',
    reason:
      'Reports on aws_cloudtrail; the trail is an account (organization) setting, not part of these stacks.',
    confirmedBy: { kind: 'type-absent', type: 'aws_cloudtrail' },
  },
  {
    check: 'CKV2_AWS_46',
    reason: 'Reports on aws_cloudfront_distribution; no CloudFront distribution serves a bucket of ours.',
    confirmedBy: { kind: 'type-absent', type: 'aws_cloudfront_distribution' },
  },
  {
    check: 'CKV2_AWS_47',
    reason:
      'Reports on aws_cloudfront_distribution; the web ACL protects the ALB and the HTTP API, no CloudFront distribution.',
    confirmedBy: { kind: 'type-absent', type: 'aws_cloudfront_distribution' },
  },
  {
    check: 'CKV2_AWS_78',
    reason: 'Reports on aws_appsync_graphql_api; the platform has no AppSync API.',
    confirmedBy: { kind: 'type-absent', type: 'aws_appsync_graphql_api' },
  },
  {
    check: 'CKV_AWS_379',
    reason:
      'Reports on aws_s3_bucket_acl; the buckets enforce bucket-owner object ownership, so ACLs are disabled and no aws_s3_bucket_acl is written.',
    confirmedBy: { kind: 'type-absent', type: 'aws_s3_bucket_acl' },
  },
];
