import type { RuleCase } from './index.js';

const stack = 'prod-nodes-dns';
/** A Terraform reference as cdktf writes it: `${expression}`. */
const ref = (expression: string) => `\${${expression}}`;

/** Elastic IP and DNS cases, each the failing resource of Checkov's own graph-check test. */
export const FAILING_CASES: RuleCase[] = [
  {
    rule: 'eip-attached',
    title: 'an address on a network interface only (Checkov EIPAllocatedToVPCAttachedEC2 not_ok_eip)',
    mutation: {
      stack,
      add: [
        {
          type: 'aws_eip',
          name: 'not_ok_eip',
          values: {
            vpc: true,
            network_interface: ref('aws_network_interface.multi-ip.id'),
            associate_with_private_ip: '10.0.0.10',
          },
        },
      ],
    },
    stack,
    address: 'aws_eip.not_ok_eip',
  },
  {
    rule: 'eip-attached',
    title: 'the NAT gateway that used the address removed',
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
