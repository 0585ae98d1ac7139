import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group/index.js';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster/index.js';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance/index.js';
import { RdsClusterParameterGroup } from '@cdktf/provider-aws/lib/rds-cluster-parameter-group/index.js';
import { Fn, type ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { ClientSecurityGroup } from './client-security-group.js';

/** What differs between the two Aurora engines of the platform. */
export interface AuroraEngine {
  engine: 'aurora-postgresql' | 'aurora-mysql';
  port: number;
  /** Log types exported to CloudWatch Logs. */
  logExports: string[];
  /** Cluster parameters: TLS enforcement first, then logging. */
  parameters: { name: string; value: string; applyMethod?: 'immediate' | 'pending-reboot' }[];
  /** Aurora MySQL only: hours of Backtrack. */
  backtrackHours?: number;
}

export const AURORA_POSTGRESQL: AuroraEngine = {
  engine: 'aurora-postgresql',
  port: 5432,
  logExports: ['postgresql'],
  parameters: [
    { name: 'rds.force_ssl', value: '1' },
    { name: 'ssl_min_protocol_version', value: 'TLSv1.2' },
    // Schema changes (CREATE, ALTER, DROP) on record; data statements stay out of the log.
    { name: 'log_statement', value: 'ddl' },
    { name: 'log_min_duration_statement', value: '1000' },
    { name: 'log_connections', value: '1' },
    { name: 'log_disconnections', value: '1' },
  ],
};

export const AURORA_MYSQL: AuroraEngine = {
  engine: 'aurora-mysql',
  port: 3306,
  logExports: ['audit', 'error', 'slowquery'],
  parameters: [
    { name: 'require_secure_transport', value: 'ON' },
    { name: 'tls_version', value: 'TLSv1.2,TLSv1.3', applyMethod: 'pending-reboot' },
    { name: 'server_audit_logging', value: '1' },
    { name: 'server_audit_events', value: 'CONNECT,QUERY_DCL,QUERY_DDL' },
    { name: 'slow_query_log', value: '1' },
    { name: 'long_query_time', value: '1' },
  ],
  backtrackHours: 24,
};

/** `aurora-postgresql16` from 16.6, `aurora-mysql8.0` from 8.0.mysql_aurora.3.08.0. */
export function parameterGroupFamily(engine: AuroraEngine, engineVersion: string): string {
  const [major, minor] = engineVersion.split('.');
  return engine.engine === 'aurora-postgresql'
    ? `aurora-postgresql${major}`
    : `aurora-mysql${major}.${minor}`;
}

export interface AuroraClusterProps {
  name: string;
  engine: AuroraEngine;
  engineVersion: string;
  instanceClass: string;
  databaseName: string;
  /** The writer goes to the first zone, readers to the next ones, round robin. */
  availabilityZones: string[];
  readers: number;
  vpcId: string;
  subnetIds: string[];
  clientSecurityGroupId: string;
  kmsKeyArn: string;
  monitoringRoleArn: string;
  /** The monitoring role and its policy attachment, which the instances wait for. */
  monitoringRoleReady: ITerraformDependable[];
  backupRetentionDays: number;
  performanceInsightsRetentionDays: number;
  deletionProtection: boolean;
}

/**
 * An Aurora cluster: writer and readers in different zones, encrypted with a customer-managed key,
 * TLS enforced by the cluster parameter group, IAM authentication, an AWS-managed master password
 * in Secrets Manager, log exports, Performance Insights and enhanced monitoring.
 */
export class AuroraCluster extends Construct {
  readonly cluster: RdsCluster;
  readonly writer: RdsClusterInstance;
  readonly readers: RdsClusterInstance[];
  readonly securityGroup: ClientSecurityGroup;
  readonly port: number;

  constructor(scope: Construct, id: string, props: AuroraClusterProps) {
    super(scope, id);
    const { engine } = props;
    this.port = engine.port;
    const subnets = new DbSubnetGroup(this, 'subnets', {
      name: props.name,
      description: `Database subnets of ${props.name}`,
      subnetIds: props.subnetIds,
    });
    this.securityGroup = new ClientSecurityGroup(this, 'security-group', {
      name: props.name,
      description: `${engine.engine} ${props.name}: port ${engine.port} from the EKS cluster only`,
      vpcId: props.vpcId,
      port: engine.port,
      clientSecurityGroupId: props.clientSecurityGroupId,
    });
    const parameters = new RdsClusterParameterGroup(this, 'parameters', {
      name: props.name,
      family: parameterGroupFamily(engine, props.engineVersion),
      description: `TLS-only ${engine.engine} settings for ${props.name}`,
      parameter: engine.parameters.map(({ name, value, applyMethod }) => ({
        name,
        value,
        applyMethod: applyMethod ?? 'immediate',
      })),
    });
    this.cluster = new RdsCluster(this, 'cluster', {
      clusterIdentifier: props.name,
      engine: engine.engine,
      engineVersion: props.engineVersion,
      databaseName: props.databaseName,
      port: engine.port,
      masterUsername: `${props.databaseName}_admin`,
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: props.kmsKeyArn,
      storageEncrypted: true,
      kmsKeyId: props.kmsKeyArn,
      iamDatabaseAuthenticationEnabled: true,
      deletionProtection: props.deletionProtection,
      backupRetentionPeriod: props.backupRetentionDays,
      preferredBackupWindow: '03:00-04:00',
      preferredMaintenanceWindow: 'sun:05:00-sun:06:00',
      copyTagsToSnapshot: true,
      skipFinalSnapshot: false,
      // Stamped when the cluster is created: a fixed name would collide with the snapshot of an
      // earlier cluster of the same name, and the destroy would fail.
      finalSnapshotIdentifier: `${props.name}-final-${Fn.formatdate('YYYYMMDDhhmmss', Fn.timestamp())}`,
      enabledCloudwatchLogsExports: engine.logExports,
      dbClusterParameterGroupName: parameters.name,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [this.securityGroup.id],
      ...(engine.backtrackHours ? { backtrackWindow: engine.backtrackHours * 3600 } : {}),
      // Automatic minor upgrades move engine_version past the spec's; planning it back would be a downgrade.
      lifecycle: { ignoreChanges: ['engine_version', 'final_snapshot_identifier'] },
    });
    const instance = (role: string, zone: string, promotionTier: number, dependsOn: ITerraformDependable[]) =>
      new RdsClusterInstance(this, role, {
        identifier: `${props.name}-${role}`,
        clusterIdentifier: this.cluster.id,
        engine: engine.engine,
        engineVersion: props.engineVersion,
        instanceClass: props.instanceClass,
        availabilityZone: zone,
        promotionTier,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        dbSubnetGroupName: subnets.name,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: props.kmsKeyArn,
        performanceInsightsRetentionPeriod: props.performanceInsightsRetentionDays,
        monitoringInterval: 60,
        monitoringRoleArn: props.monitoringRoleArn,
        copyTagsToSnapshot: true,
        lifecycle: { ignoreChanges: ['engine_version'] },
        dependsOn,
      });
    const zones = props.availabilityZones;
    // Aurora makes the first instance the writer; the readers follow it into the other zones.
    this.writer = instance('writer', zones[0]!, 0, props.monitoringRoleReady);
    this.readers = Array.from({ length: props.readers }, (_, index) =>
      instance(`reader-${index + 1}`, zones[(index + 1) % zones.length]!, 1, [this.writer]),
    );
  }
}
