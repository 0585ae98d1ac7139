import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Token } from 'cdktf';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform } from '../../stacks/platform.js';
import {
  environmentSpec,
  onlyResource,
  referenceTo,
  resourcesOf,
  type SynthesizedPlatform,
  type SynthesizedStack,
  synthesize,
} from './synth.js';

type Values = Record<string, unknown>;

describe('data stack', () => {
  let prod: SynthesizedPlatform;
  let stack: SynthesizedStack;
  const clusters = () => resourcesOf(stack, 'aws_rds_cluster');
  const clusterOf = (engine: string) => Object.values(clusters()).find((c) => c.engine === engine)!;
  const instancesOf = (engine: string) =>
    Object.values(resourcesOf(stack, 'aws_rds_cluster_instance')).filter((i) => i.engine === engine);
  const securityGroupRef = (value: unknown) => referenceTo((value as string[])[0], 'aws_security_group');

  beforeAll(() => {
    prod = synthesize(environmentSpec('prod'));
    stack = prod.stacks['prod-data']!;
  });

  it('runs Aurora PostgreSQL and Aurora MySQL', () => {
    expect(
      Object.values(clusters())
        .map((c) => c.engine)
        .sort(),
    ).toEqual(['aurora-mysql', 'aurora-postgresql']);
  });

  for (const engine of ['aurora-postgresql', 'aurora-mysql']) {
    describe(engine, () => {
      it('has a writer and a reader in different zones, neither public', () => {
        const instances = instancesOf(engine);
        expect(instances.length).toBeGreaterThanOrEqual(2);
        const zones = instances.map((i) => i.availability_zone);
        expect(new Set(zones).size).toBe(instances.length);
        for (const instance of instances) expect(instance.publicly_accessible).toBe(false);
        const writer = instances.find((i) => String(i.identifier).endsWith('-writer'));
        expect(writer?.promotion_tier).toBe(0);
      });

      it('encrypts storage with a rotated customer-managed key', () => {
        const cluster = clusterOf(engine);
        expect(cluster.storage_encrypted).toBe(true);
        const key = referenceTo(cluster.kms_key_id, 'aws_kms_key');
        expect(resourcesOf(stack, 'aws_kms_key')[key!]?.enable_key_rotation).toBe(true);
      });

      it('keeps 30 days of backups (spec), deletion protection and IAM authentication', () => {
        const cluster = clusterOf(engine);
        expect(cluster.backup_retention_period).toBe(30);
        expect(cluster.backup_retention_period).toBe(prod.spec.data.backupRetentionDays);
        expect(cluster.deletion_protection).toBe(true);
        expect(cluster.iam_database_authentication_enabled).toBe(true);
        expect(cluster.skip_final_snapshot).toBe(false);
        expect(cluster.copy_tags_to_snapshot).toBe(true);
      });

      it('stamps the final snapshot with the creation time and leaves engine upgrades alone', () => {
        const cluster = clusterOf(engine);
        expect(cluster.final_snapshot_identifier).toMatch(
          /^promptsales-prod-(postgres|mysql)-final-\$\{formatdate\("YYYYMMDDhhmmss", timestamp\(\)\)\}$/,
        );
        expect(cluster.lifecycle).toEqual({
          ignore_changes: ['engine_version', 'final_snapshot_identifier'],
        });
        for (const instance of Object.values(resourcesOf(stack, 'aws_rds_cluster_instance'))) {
          expect(instance.lifecycle).toEqual({ ignore_changes: ['engine_version'] });
        }
      });

      it('lets AWS manage the master password in Secrets Manager', () => {
        const cluster = clusterOf(engine);
        expect(cluster.manage_master_user_password).toBe(true);
        expect(cluster.master_password).toBeUndefined();
        expect(cluster.master_user_secret_kms_key_id).toMatch(/aws_kms_key/);
      });

      it('exports logs and turns on Performance Insights with the key and enhanced monitoring', () => {
        expect((clusterOf(engine).enabled_cloudwatch_logs_exports as string[]).length).toBeGreaterThan(0);
        for (const instance of instancesOf(engine)) {
          expect(instance.performance_insights_enabled).toBe(true);
          expect(instance.performance_insights_kms_key_id).toMatch(/aws_kms_key/);
          expect(instance.monitoring_interval).toBe(60);
        }
      });

      it('creates the writer after the monitoring role has its policy, the readers after the writer', () => {
        const instances = Object.entries(resourcesOf(stack, 'aws_rds_cluster_instance')).filter(
          ([, instance]) => instance.engine === engine,
        );
        const [writerName, writer] = instances.find(([name]) => name.includes('writer'))!;
        const role = referenceTo(writer.monitoring_role_arn, 'aws_iam_role');
        const waits = writer.depends_on as string[];
        expect(waits).toContain(`aws_iam_role.${role}`);
        expect(waits.some((address) => address.startsWith('aws_iam_role_policy_attachment.'))).toBe(true);
        const readers = instances.filter(([name]) => name !== writerName);
        expect(readers.length).toBeGreaterThan(0);
        for (const [, reader] of readers)
          expect(reader.depends_on).toEqual([`aws_rds_cluster_instance.${writerName}`]);
      });

      it('sits in the database subnets behind a group open only to the EKS cluster security group', () => {
        const cluster = clusterOf(engine);
        const subnetGroup = resourcesOf(stack, 'aws_db_subnet_group')[
          referenceTo(cluster.db_subnet_group_name, 'aws_db_subnet_group')!
        ];
        for (const subnet of (subnetGroup?.subnet_ids ?? []) as string[])
          expect(subnet).toMatch(/database-us-east-1/);
        const group = securityGroupRef(cluster.vpc_security_group_ids);
        const rules = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule')).filter(
          (rule) => referenceTo(rule.security_group_id, 'aws_security_group') === group,
        );
        expect(rules).toEqual([
          expect.objectContaining({ from_port: cluster.port, to_port: cluster.port, ip_protocol: 'tcp' }),
        ]);
        expect(rules[0]?.referenced_security_group_id).toMatch(/prod-cluster.*cluster_security_group_id/);
        expect(rules[0]?.cidr_ipv4).toBeUndefined();
        expect(resourcesOf(stack, 'aws_security_group')[group!]?.egress).toBeUndefined();
      });
    });
  }

  it('enforces TLS through the cluster parameter groups', () => {
    const parameters = (engine: string) => {
      const name = referenceTo(
        clusterOf(engine).db_cluster_parameter_group_name,
        'aws_rds_cluster_parameter_group',
      );
      const group = resourcesOf(stack, 'aws_rds_cluster_parameter_group')[name!]!;
      return { family: group.family, parameter: group.parameter as Values[] };
    };
    const postgres = parameters('aurora-postgresql');
    expect(postgres.family).toBe('aurora-postgresql16');
    expect(postgres.parameter).toContainEqual(expect.objectContaining({ name: 'rds.force_ssl', value: '1' }));
    const mysql = parameters('aurora-mysql');
    expect(mysql.family).toBe('aurora-mysql8.0');
    expect(mysql.parameter).toContainEqual(
      expect.objectContaining({ name: 'require_secure_transport', value: 'ON' }),
    );
  });

  it('copies both clusters daily into an encrypted AWS Backup vault, kept as long as their own backups', () => {
    const selection = onlyResource(stack, 'aws_backup_selection');
    const named = (selection.resources as string[]).map((arn) => referenceTo(arn, 'aws_rds_cluster'));
    expect(named.sort()).toEqual(Object.keys(clusters()).sort());
    expect(selection.depends_on).toEqual(
      expect.arrayContaining([expect.stringMatching(/^aws_iam_role_policy_attachment\./)]),
    );
    const rule = (onlyResource(stack, 'aws_backup_plan').rule as Values[])[0]!;
    expect(rule.lifecycle).toEqual({ delete_after: environmentSpec('prod').data.backupRetentionDays });
    const vault = onlyResource(stack, 'aws_backup_vault');
    expect(rule.target_vault_name).toBe(
      `\${aws_backup_vault.${referenceTo(rule.target_vault_name, 'aws_backup_vault')}.name}`,
    );
    expect(referenceTo(vault.kms_key_arn, 'aws_kms_key')).toBe(
      referenceTo(clusterOf('aurora-mysql').kms_key_id, 'aws_kms_key'),
    );
  });

  it('logs PostgreSQL schema changes and slow statements', () => {
    const name = referenceTo(
      clusterOf('aurora-postgresql').db_cluster_parameter_group_name,
      'aws_rds_cluster_parameter_group',
    );
    const parameter = resourcesOf(stack, 'aws_rds_cluster_parameter_group')[name!]!.parameter as Values[];
    expect(parameter).toContainEqual(expect.objectContaining({ name: 'log_statement', value: 'ddl' }));
    expect(parameter).toContainEqual(expect.objectContaining({ name: 'log_min_duration_statement' }));
  });

  describe('Redis', () => {
    let group: Values;
    beforeAll(() => {
      group = onlyResource(stack, 'aws_elasticache_replication_group');
    });

    it('is Multi-AZ with automatic failover over two or more zones', () => {
      expect(group.multi_az_enabled).toBe(true);
      expect(group.automatic_failover_enabled).toBe(true);
      expect(group.num_cache_clusters).toBeGreaterThanOrEqual(2);
      const zones = group.preferred_cache_cluster_azs as string[];
      expect(zones).toHaveLength(group.num_cache_clusters as number);
      expect(new Set(zones).size).toBeGreaterThanOrEqual(2);
    });

    it('encrypts at rest with a customer-managed key and in transit, TLS required', () => {
      expect(group.at_rest_encryption_enabled).toBe('true');
      expect(referenceTo(group.kms_key_id, 'aws_kms_key')).toBeDefined();
      expect(group.transit_encryption_enabled).toBe(true);
      expect(group.transit_encryption_mode).toBe('required');
    });

    it('takes its AUTH token from Secrets Manager, stored in an encrypted secret, never literal', () => {
      expect(group.auth_token).toMatch(
        /^\$\{data\.aws_secretsmanager_random_password\.[^.]+\.random_password\}$/,
      );
      expect((group.lifecycle as { ignore_changes: string[] }).ignore_changes).toContain('auth_token');
      const version = onlyResource(stack, 'aws_secretsmanager_secret_version');
      expect(version.secret_string).toBe(group.auth_token);
      const secret = onlyResource(stack, 'aws_secretsmanager_secret');
      expect(secret.kms_key_id).toMatch(/aws_kms_key/);
    });

    it('keeps snapshots for the spec retention and admits only the cluster security group', () => {
      expect(group.snapshot_retention_limit).toBe(prod.spec.data.redis.snapshotRetentionDays);
      const ref = securityGroupRef(group.security_group_ids);
      const rules = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule')).filter(
        (rule) => referenceTo(rule.security_group_id, 'aws_security_group') === ref,
      );
      expect(rules).toEqual([expect.objectContaining({ from_port: 6379, to_port: 6379 })]);
      expect(rules[0]?.referenced_security_group_id).toMatch(/prod-cluster/);
    });
  });

  it('tells the services where their databases are, credentials by secret ARN only', () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'promptsales-connections-'));
    try {
      const { connections } = buildPlatform(new App({ outdir }), prod.spec, prod.plan).data;
      expect(connections.postgres).toMatchObject({
        port: 5432,
        database: prod.spec.data.postgres.databaseName,
      });
      expect(connections.mysql).toMatchObject({ port: 3306, database: prod.spec.data.mysql.databaseName });
      expect(connections.redis.port).toBe(6379);
      for (const value of [
        connections.postgres.host,
        connections.postgres.masterSecretArn,
        connections.redis.authTokenSecretArn,
      ]) {
        expect(Token.isUnresolved(value)).toBe(true);
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
