import { beforeAll, describe, expect, it } from 'vitest';
import { atlasRegionName } from '../../stacks/atlas-stack.js';
import {
  environmentSpec,
  onlyResource,
  referenceTo,
  type SynthesizedPlatform,
  type SynthesizedStack,
  synthesize,
} from './synth.js';

describe('atlas stack', () => {
  let prod: SynthesizedPlatform;
  let stack: SynthesizedStack;
  beforeAll(() => {
    prod = synthesize(environmentSpec('prod'));
    stack = prod.stacks['prod-atlas']!;
  });

  it('names AWS regions the way Atlas does', () => {
    expect(atlasRegionName('us-east-1')).toBe('US_EAST_1');
    expect(atlasRegionName('sa-east-1')).toBe('SA_EAST_1');
  });

  it('runs a replica set of three electable nodes on AWS in the spec region', () => {
    const cluster = onlyResource(stack, 'mongodbatlas_advanced_cluster');
    expect(cluster.cluster_type).toBe('REPLICASET');
    const [spec] = cluster.replication_specs as { region_configs: Record<string, unknown>[] }[];
    expect(spec?.region_configs).toEqual([
      expect.objectContaining({
        provider_name: 'AWS',
        region_name: 'US_EAST_1',
        electable_specs: expect.objectContaining({
          node_count: 3,
          instance_size: prod.spec.data.atlas.instanceSize,
        }),
      }),
    ]);
  });

  it('backs up daily and keeps the backups 30 days, with point-in-time recovery', () => {
    const cluster = onlyResource(stack, 'mongodbatlas_advanced_cluster');
    expect(cluster.backup_enabled).toBe(true);
    expect(cluster.pit_enabled).toBe(true);
    const schedule = onlyResource(stack, 'mongodbatlas_cloud_backup_schedule');
    expect(schedule.policy_item_daily).toEqual({
      frequency_interval: 1,
      retention_unit: 'days',
      retention_value: 30,
    });
  });

  it('encrypts at rest with a rotated AWS KMS key that Atlas reaches through an IAM role', () => {
    const cluster = onlyResource(stack, 'mongodbatlas_advanced_cluster');
    expect(cluster.encryption_at_rest_provider).toBe('AWS');
    const encryption = onlyResource(stack, 'mongodbatlas_encryption_at_rest');
    const [config] = encryption.aws_kms_config as Record<string, unknown>[];
    expect(config).toMatchObject({ enabled: true, region: 'US_EAST_1' });
    expect(referenceTo(config?.customer_master_key_id, 'aws_kms_key')).toBeDefined();
    expect(onlyResource(stack, 'aws_kms_key').enable_key_rotation).toBe(true);
    expect(referenceTo(config?.role_id, 'mongodbatlas_cloud_provider_access_authorization')).toBeDefined();
    expect(cluster.depends_on).toEqual([expect.stringMatching(/^mongodbatlas_encryption_at_rest\./)]);
  });

  it('requires TLS 1.2 or newer', () => {
    const cluster = onlyResource(stack, 'mongodbatlas_advanced_cluster');
    expect(cluster.advanced_configuration).toMatchObject({ minimum_enabled_tls_protocol: 'TLS1_2' });
  });

  it('connects through PrivateLink from the private subnets', () => {
    const atlasSide = onlyResource(stack, 'mongodbatlas_privatelink_endpoint');
    expect(atlasSide).toMatchObject({ provider_name: 'AWS', region: 'us-east-1' });
    const endpoint = onlyResource(stack, 'aws_vpc_endpoint');
    expect(endpoint.vpc_endpoint_type).toBe('Interface');
    expect(endpoint.service_name).toMatch(/mongodbatlas_privatelink_endpoint\.[^.]+\.endpoint_service_name/);
    for (const subnet of endpoint.subnet_ids as string[]) expect(subnet).toMatch(/private-us-east-1/);
    const service = onlyResource(stack, 'mongodbatlas_privatelink_endpoint_service');
    expect(referenceTo(service.endpoint_service_id, 'aws_vpc_endpoint')).toBeDefined();
  });

  it('keeps no IP access list: PrivateLink traffic never passes one, and an entry would admit public addresses', () => {
    expect(stack.resource?.mongodbatlas_project_ip_access_list).toBeUndefined();
    expect(JSON.stringify(stack)).not.toContain('0.0.0.0/0');
  });

  it('reads the private connection string of this endpoint from a data source read after the endpoint is connected', () => {
    const [name, connected] = Object.entries(stack.data?.mongodbatlas_advanced_cluster ?? {})[0]!;
    const service = Object.keys(stack.resource?.mongodbatlas_privatelink_endpoint_service ?? {})[0];
    expect(connected.depends_on).toEqual([`mongodbatlas_privatelink_endpoint_service.${service}`]);
    const output = stack.output?.private_connection_string as Record<string, unknown>;
    expect(output.depends_on).toBeUndefined();
    const endpoint = Object.keys(stack.resource?.aws_vpc_endpoint ?? {})[0];
    expect(output.value).toBe(`\${local.private_srv_connection_string}`);
    expect((stack as { locals?: Record<string, unknown> }).locals?.private_srv_connection_string).toBe(
      `\${one([for entry in data.mongodbatlas_advanced_cluster.${name}.connection_strings[0].private_endpoint : entry.srv_connection_string if contains(entry.endpoints[*].endpoint_id, aws_vpc_endpoint.${endpoint}.id)])}`,
    );
  });

  it('lets IAM settle before Atlas assumes its new encryption role', () => {
    const [sleepName, sleep] = Object.entries(stack.resource?.time_sleep ?? {})[0]!;
    expect(sleep.create_duration).toBe('30s');
    const authorization = onlyResource(stack, 'mongodbatlas_cloud_provider_access_authorization');
    expect(authorization.depends_on).toEqual([`time_sleep.${sleepName}`]);
  });

  it('takes the organization from a Terraform variable unless the spec names it', () => {
    const project = onlyResource(stack, 'mongodbatlas_project');
    expect(project.org_id).toBe(`\${var.atlas_org_id}`);
    const named = synthesize(
      environmentSpec('prod', { data: { atlas: { orgId: '0123456789abcdef01234567' } } }),
    );
    expect(onlyResource(named.stacks['prod-atlas'], 'mongodbatlas_project').org_id).toBe(
      '0123456789abcdef01234567',
    );
    expect(named.stacks['prod-atlas']?.variable).toBeUndefined();
  });

  it('configures the Atlas provider with no credentials', () => {
    expect(stack.provider?.mongodbatlas).toEqual([{}]);
  });
});
