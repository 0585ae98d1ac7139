import { beforeAll, describe, expect, it } from 'vitest';
import { cidrSubnet, tierSubnet } from '../../stacks/constructs/network/cidr.js';
import { environmentSpec, onlyResource, resourcesOf, type SynthesizedPlatform, synthesize } from './synth.js';

describe('cidrSubnet', () => {
  it('matches Terraform cidrsubnet()', () => {
    expect(cidrSubnet('10.0.0.0/16', 3, 0)).toBe('10.0.0.0/19');
    expect(cidrSubnet('10.0.0.0/16', 3, 2)).toBe('10.0.64.0/19');
    expect(cidrSubnet('10.0.0.0/16', 6, 48)).toBe('10.0.192.0/22');
    expect(cidrSubnet('172.16.0.0/20', 4, 15)).toBe('172.16.15.0/24');
  });

  it('refuses subnets the block does not have', () => {
    expect(() => cidrSubnet('10.0.0.0/16', 3, 8)).toThrow(RangeError);
    expect(() => cidrSubnet('10.0.0.0/30', 4, 0)).toThrow(RangeError);
  });

  it('keeps the tiers of six zones apart', () => {
    const all = (['private', 'public', 'database'] as const).flatMap((tier) =>
      [0, 1, 2, 3, 4, 5].map((zone) => tierSubnet('10.0.0.0/16', tier, zone)),
    );
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('network stack', () => {
  let prod: SynthesizedPlatform;
  let dev: SynthesizedPlatform;
  beforeAll(() => {
    prod = synthesize(environmentSpec('prod'));
    dev = synthesize(environmentSpec('dev'));
  });

  it('builds a VPC with DNS from the spec CIDR', () => {
    const vpc = onlyResource(prod.stacks['prod-network'], 'aws_vpc');
    expect(vpc).toMatchObject({
      cidr_block: '10.0.0.0/16',
      enable_dns_hostnames: true,
      enable_dns_support: true,
    });
  });

  it('puts public, private and database subnets in three zones, none assigning public IPs', () => {
    const subnets = Object.values(resourcesOf(prod.stacks['prod-network'], 'aws_subnet'));
    expect(subnets).toHaveLength(9);
    for (const tier of ['public', 'private', 'database']) {
      const zones = subnets
        .filter((s) => (s.tags as Record<string, string>).tier === tier)
        .map((s) => s.availability_zone);
      expect(zones.sort()).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    }
    for (const subnet of subnets) expect(subnet.map_public_ip_on_launch).toBe(false);
    expect(new Set(subnets.map((s) => s.cidr_block)).size).toBe(9);
  });

  it('tags subnets for the AWS Load Balancer Controller', () => {
    const subnets = Object.values(resourcesOf(prod.stacks['prod-network'], 'aws_subnet'));
    const tagged = (key: string) =>
      subnets.filter((s) => (s.tags as Record<string, string>)[key] === '1').length;
    expect(tagged('kubernetes.io/role/elb')).toBe(3);
    expect(tagged('kubernetes.io/role/internal-elb')).toBe(3);
  });

  it('runs one NAT gateway per zone in prod and a single one in dev', () => {
    const prodNats = Object.values(resourcesOf(prod.stacks['prod-network'], 'aws_nat_gateway'));
    expect(prodNats).toHaveLength(3);
    expect(new Set(prodNats.map((n) => n.subnet_id)).size).toBe(3);
    expect(Object.keys(resourcesOf(dev.stacks['dev-network'], 'aws_nat_gateway'))).toHaveLength(1);
  });

  it('routes each private zone through its own NAT gateway in prod; database subnets have no route out', () => {
    const tables = resourcesOf(prod.stacks['prod-network'], 'aws_route_table');
    const natRoutes = Object.values(tables)
      .flatMap((t) => (t.route as { nat_gateway_id?: string }[] | undefined) ?? [])
      .map((r) => r.nat_gateway_id)
      .filter(Boolean);
    expect(new Set(natRoutes).size).toBe(3);
    const database = Object.entries(tables).find(([id]) => id.startsWith('database-routes'))?.[1];
    expect(database?.route).toBeUndefined();
  });

  it('sends S3 traffic of the private subnets through a gateway endpoint', () => {
    const endpoint = onlyResource(prod.stacks['prod-network'], 'aws_vpc_endpoint');
    expect(endpoint).toMatchObject({
      vpc_endpoint_type: 'Gateway',
      service_name: 'com.amazonaws.us-east-1.s3',
    });
    expect(endpoint.route_table_ids).toHaveLength(3);
  });

  it('locks the default security group', () => {
    const group = onlyResource(prod.stacks['prod-network'], 'aws_default_security_group');
    expect(group.ingress).toEqual([]);
    expect(group.egress).toEqual([]);
  });

  it('logs all traffic to a KMS-encrypted log group with the spec retention', () => {
    const stack = prod.stacks['prod-network'];
    const flowLog = onlyResource(stack, 'aws_flow_log');
    expect(flowLog).toMatchObject({ traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' });
    const group = onlyResource(stack, 'aws_cloudwatch_log_group');
    expect(group.retention_in_days).toBe(prod.spec.network.flowLogRetentionDays);
    expect(group.kms_key_id).toMatch(/^\$\{aws_kms_key\.[^.]+\.arn\}$/);
    expect(onlyResource(stack, 'aws_kms_key').enable_key_rotation).toBe(true);
  });
});
