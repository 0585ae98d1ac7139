import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group/index.js';
import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group/index.js';
import { Construct } from 'constructs';
import { EncryptedLogGroup } from '../encrypted-log-group.js';
import { ClientSecurityGroup } from './client-security-group.js';
import { RedisAuthToken } from './redis-auth-token.js';

export const REDIS_PORT = 6379;

export interface RedisCacheProps {
  name: string;
  engineVersion: string;
  nodeType: string;
  /** Primary plus replicas, placed round robin over the zones. */
  nodes: number;
  availabilityZones: string[];
  vpcId: string;
  subnetIds: string[];
  clientSecurityGroupId: string;
  kmsKeyArn: string;
  snapshotRetentionDays: number;
  region: string;
  logRetentionDays: number;
}

/**
 * ElastiCache Redis: Multi-AZ with automatic failover, encrypted at rest (customer-managed key) and in
 * transit (TLS required), an AUTH token from Secrets Manager, daily snapshots, slow log to CloudWatch.
 */
export class RedisCache extends Construct {
  readonly replicationGroup: ElasticacheReplicationGroup;
  readonly authToken: RedisAuthToken;
  readonly securityGroup: ClientSecurityGroup;
  /** `<group>-001`, `<group>-002`…: the member clusters CloudWatch reports per node. */
  readonly memberClusterIds: string[];

  constructor(scope: Construct, id: string, props: RedisCacheProps) {
    super(scope, id);
    const subnets = new ElasticacheSubnetGroup(this, 'subnets', {
      name: props.name,
      description: `Database subnets of ${props.name}`,
      subnetIds: props.subnetIds,
    });
    this.securityGroup = new ClientSecurityGroup(this, 'security-group', {
      name: props.name,
      description: `Redis ${props.name}: port ${REDIS_PORT} from the EKS cluster only`,
      vpcId: props.vpcId,
      port: REDIS_PORT,
      clientSecurityGroupId: props.clientSecurityGroupId,
    });
    this.authToken = new RedisAuthToken(this, 'auth-token', { name: props.name, kmsKeyArn: props.kmsKeyArn });
    const slowLog = new EncryptedLogGroup(this, 'slow-log', {
      logGroupName: `/aws/elasticache/${props.name}/slow-log`,
      keyName: `${props.name}-slow-log`,
      region: props.region,
      retentionInDays: props.logRetentionDays,
    });
    const zones = Array.from(
      { length: props.nodes },
      (_, index) => props.availabilityZones[index % props.availabilityZones.length]!,
    );
    this.replicationGroup = new ElasticacheReplicationGroup(this, 'group', {
      replicationGroupId: props.name,
      description: `PromptSales shared cache (${props.name})`,
      engine: 'redis',
      engineVersion: props.engineVersion,
      nodeType: props.nodeType,
      port: REDIS_PORT,
      numCacheClusters: props.nodes,
      preferredCacheClusterAzs: zones,
      multiAzEnabled: true,
      automaticFailoverEnabled: true,
      atRestEncryptionEnabled: 'true',
      kmsKeyId: props.kmsKeyArn,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      authToken: this.authToken.value,
      autoMinorVersionUpgrade: 'true',
      snapshotRetentionLimit: props.snapshotRetentionDays,
      snapshotWindow: '02:00-03:00',
      maintenanceWindow: 'sun:06:00-sun:07:00',
      finalSnapshotIdentifier: `${props.name}-final`,
      subnetGroupName: subnets.name,
      securityGroupIds: [this.securityGroup.id],
      logDeliveryConfiguration: [
        {
          destination: slowLog.logGroup.name,
          destinationType: 'cloudwatch-logs',
          logFormat: 'json',
          logType: 'slow-log',
        },
      ],
      lifecycle: { ignoreChanges: ['auth_token'] },
    });
    this.memberClusterIds = zones.map((_, index) => `${props.name}-${String(index + 1).padStart(3, '0')}`);
  }
}
