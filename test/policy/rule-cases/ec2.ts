import type { RuleCase } from './index.js';

const stack = 'prod-nodes-dns';
const address = 'aws_launch_template.nodes';
/** Checkov's failing user data (tests/terraform/checks/resource/aws/example_EC2Credentials), base64 as launch templates take it. */
const CHECKOV_CREDENTIALS = [
  ' export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
  ' export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  ' export AWS_DEFAULT_REGION=us-west-2',
].join('\n');

/** Launch template cases, each the failing resource of the scanner's own test where it has one. */
export const FAILING_CASES: RuleCase[] = [
  {
    rule: 'launch-template-imdsv2',
    title: 'http_tokens optional (Checkov example_IMDSv1Disabled optional_lt)',
    mutation: { stack, address, set: [['metadata_options', { http_tokens: 'optional' }]] },
    stack,
    message: /"optional"; needs "required"/,
  },
  {
    rule: 'launch-template-imdsv2',
    title: 'http_tokens unset (Checkov example_IMDSv1Disabled default_lt)',
    mutation: { stack, address, set: [['metadata_options', { http_endpoint: 'enabled' }]] },
    stack,
    message: /defaults to optional/,
  },
  {
    rule: 'launch-template-metadata-hop-limit',
    title: 'hop limit 2 (Checkov example_LaunchTemplateMetadataHop fail)',
    mutation: {
      stack,
      address,
      set: [
        [
          'metadata_options',
          {
            http_endpoint: 'enabled',
            http_tokens: 'required',
            http_put_response_hop_limit: 2,
            instance_metadata_tags: 'enabled',
          },
        ],
      ],
    },
    stack,
    message: /is 2; at most 1/,
  },
  {
    rule: 'launch-template-no-public-ip',
    title: 'public network interface (Checkov example_EC2PublicIP public)',
    mutation: { stack, address, set: [['network_interfaces', [{ associate_public_ip_address: true }]]] },
    stack,
  },
  {
    rule: 'launch-template-no-secrets-in-user-data',
    title: 'AWS keys in base64 user data (Checkov example_EC2Credentials, Trivy AVD-AWS-0129 test)',
    mutation: { stack, address, set: [['user_data', Buffer.from(CHECKOV_CREDENTIALS).toString('base64')]] },
    stack,
    message: /an AWS access key id and an AWS secret access key/,
  },
  {
    rule: 'launch-template-no-secrets-in-user-data',
    title: 'a private key in plain user data',
    mutation: {
      stack,
      address,
      set: [
        ['user_data', '#!/bin/bash\ncat > /root/key <<EOF\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\nEOF\n'],
      ],
    },
    stack,
    message: /a private key/,
  },
];
