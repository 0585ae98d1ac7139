import type { RuleCase } from './index.js';

const stack = 'prod-nodes-dns';

/** Elastic IP and DNS cases, each the failing resource of Checkov's own graph-check test. */
export const FAILING_CASES: RuleCase[] = [
  {
    rule: 'eip-attached',
    title: 'a VPC address no NAT gateway uses (Checkov EIPAllocatedToVPCAttachedEC2 not_ok_eip)',
    mutation: { stack, remove: ['aws_nat_gateway.nat'] },
    stack,
    address: 'aws_eip.nat',
  },
  {
    rule: 'route53-a-record-target',
    title: 'a fixed address (Checkov Route53ARecordAttachedResource fail)',
    mutation: {
      stack,
      add: [
        {
          type: 'aws_route53_record',
          name: 'fail',
          values: {
            zone_id: 'Z00000000PLACEHOLDER',
            name: 'dns.freebeer.site',
            type: 'A',
            ttl: '300',
            records: ['1.1.1.1'],
          },
        },
      ],
    },
    stack,
    address: 'aws_route53_record.fail',
    message: /"1\.1\.1\.1", a fixed address/,
  },
];
