import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { AURORA_MYSQL, AURORA_POSTGRESQL, AuroraCluster } from './constructs/data/aurora-cluster.js';
import { DatabaseBackupPlan } from './constructs/data/backup-plan.js';
import { REDIS_PORT, RedisCache } from './constructs/data/redis-cache.js';
import { ManagedKey } from './constructs/kms-key.js';
import { ServiceRole } from './constructs/service-role.js';
import { PlatformStack, type PlatformStackProps } from './platform-stack.js';

/** What the data stack needs from the network and cluster stacks. */
export interface DataStackProps extends PlatformStackProps {
  network: { vpcId: string; databaseSubnetIds: string[]; availabilityZones: string[] };
  cluster: { clusterSecurityGroupId: string };
}

/** Where a service finds one Aurora database; the credentials stay in Secrets Manager. */
export interface AuroraConnection {
  host: string;
  readerHost: string;
  port: number;
  database: string;
  /** The RDS-managed master user secret: the migration jobs' only (IAM database authentication is on for the services' users). */
  masterSecretArn: string;
  /** `cluster-ABC…`: what `rds-db:connect` permissions name. */
  clusterResourceId: string;
}

/** Where the services find their AWS databases. */
export interface DataConnections {
  /** PromptAds and PromptCrm. */
  postgres: AuroraConnection;
  /** Global: plans, subscriptions, billing. */
  mysql: AuroraConnection;
  redis: { host: string; port: number; authTokenSecretArn: string };
}

/** The identifiers the alarms watch: clusters, instances and cache nodes. */
export interface DataMonitoringTargets {
  auroraClusters: { engine: 'postgres' | 'mysql'; clusterId: string }[];
  redisMemberClusterIds: string[];
}

/**
 * The AWS databases: Aurora PostgreSQL (PromptAds, PromptCrm), Aurora MySQL (Global: plans,
 * subscriptions, billing) and the shared ElastiCache Redis. Only the EKS cluster security group
 * reaches them.
 *
 * Read by other stacks: `connections` (hosts, ports, database names and the secrets' ARNs the
 * services need) and `monitoring` (ids the alarms watch).
 */
export class DataStack extends PlatformStack {
  readonly postgres: AuroraCluster;
  readonly mysql: AuroraCluster;
  readonly redis: RedisCache;
  readonly monitoring: DataMonitoringTargets;
  readonly connections: DataConnections;

  constructor(scope: Construct, props: DataStackProps) {
    super(scope, 'data', props);
    this.useAwsProvider();
    const { data, environment } = this.spec;
    const { network, cluster } = props;

    const databaseKey = new ManagedKey(this, 'aurora-key', {
      name: this.resourceName('aurora'),
      description: 'Aurora storage, Performance Insights, master user secrets and the backup vault',
    });
    const monitoringRole = new ServiceRole(this, 'rds-monitoring-role', {
      name: this.resourceName('rds-monitoring'),
      servicePrincipal: 'monitoring.rds.amazonaws.com',
      managedPolicies: ['service-role/AmazonRDSEnhancedMonitoringRole'],
    });
    const aurora = {
      availabilityZones: network.availabilityZones,
      vpcId: network.vpcId,
      subnetIds: network.databaseSubnetIds,
      clientSecurityGroupId: cluster.clusterSecurityGroupId,
      kmsKeyArn: databaseKey.arn,
      monitoringRoleArn: monitoringRole.arn,
      // RDS checks the enhanced-monitoring role when it creates an instance: its policy must be attached by then.
      monitoringRoleReady: monitoringRole.ready,
      backupRetentionDays: data.backupRetentionDays,
      performanceInsightsRetentionDays: data.performanceInsightsRetentionDays,
      deletionProtection: data.deletionProtection,
    };
    this.postgres = new AuroraCluster(this, 'postgres', {
      ...aurora,
      name: this.resourceName('postgres'),
      engine: AURORA_POSTGRESQL,
      ...data.postgres,
    });
    this.mysql = new AuroraCluster(this, 'mysql', {
      ...aurora,
      name: this.resourceName('mysql'),
      engine: AURORA_MYSQL,
      ...data.mysql,
    });

    new DatabaseBackupPlan(this, 'aurora-backup', {
      name: this.resourceName('aurora'),
      resourceArns: [this.postgres.cluster.arn, this.mysql.cluster.arn],
      kmsKeyArn: databaseKey.arn,
      retentionDays: data.backupRetentionDays,
    });

    const cacheKey = new ManagedKey(this, 'redis-key', {
      name: this.resourceName('redis'),
      description: 'ElastiCache Redis at rest and its AUTH token secret',
    });
    this.redis = new RedisCache(this, 'redis', {
      name: this.resourceName('redis'),
      ...data.redis,
      availabilityZones: network.availabilityZones,
      vpcId: network.vpcId,
      subnetIds: network.databaseSubnetIds,
      clientSecurityGroupId: cluster.clusterSecurityGroupId,
      kmsKeyArn: cacheKey.arn,
      region: environment.region,
      logRetentionDays: data.logRetentionDays,
    });

    const connection = (aurora: AuroraCluster, database: string): AuroraConnection => ({
      host: aurora.cluster.endpoint,
      readerHost: aurora.cluster.readerEndpoint,
      port: aurora.port,
      database,
      masterSecretArn: aurora.cluster.masterUserSecret.get(0).secretArn,
      clusterResourceId: aurora.cluster.clusterResourceId,
    });
    this.connections = {
      postgres: connection(this.postgres, data.postgres.databaseName),
      mysql: connection(this.mysql, data.mysql.databaseName),
      redis: {
        host: this.redis.replicationGroup.primaryEndpointAddress,
        port: REDIS_PORT,
        authTokenSecretArn: this.redis.authToken.secret.arn,
      },
    };

    this.monitoring = {
      auroraClusters: [
        { engine: 'postgres', clusterId: this.postgres.cluster.clusterIdentifier },
        { engine: 'mysql', clusterId: this.mysql.cluster.clusterIdentifier },
      ],
      redisMemberClusterIds: this.redis.memberClusterIds,
    };

    new TerraformOutput(this, 'postgres_endpoint', { value: this.postgres.cluster.endpoint });
    new TerraformOutput(this, 'postgres_reader_endpoint', { value: this.postgres.cluster.readerEndpoint });
    new TerraformOutput(this, 'mysql_endpoint', { value: this.mysql.cluster.endpoint });
    new TerraformOutput(this, 'mysql_reader_endpoint', { value: this.mysql.cluster.readerEndpoint });
    new TerraformOutput(this, 'redis_endpoint', {
      value: this.redis.replicationGroup.primaryEndpointAddress,
    });
    new TerraformOutput(this, 'redis_auth_token_secret_arn', { value: this.redis.authToken.secret.arn });
  }
}
