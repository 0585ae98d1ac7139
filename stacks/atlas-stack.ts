import { AdvancedCluster } from '@cdktf/provider-mongodbatlas/lib/advanced-cluster/index.js';
import { CloudBackupSchedule } from '@cdktf/provider-mongodbatlas/lib/cloud-backup-schedule/index.js';
import { DataMongodbatlasAdvancedCluster } from '@cdktf/provider-mongodbatlas/lib/data-mongodbatlas-advanced-cluster/index.js';
import { Project } from '@cdktf/provider-mongodbatlas/lib/project/index.js';
import { MongodbatlasProvider } from '@cdktf/provider-mongodbatlas/lib/provider/index.js';
import { TimeProvider } from '@cdktf/provider-time/lib/provider/index.js';
import { TerraformLocal, TerraformOutput, TerraformVariable, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { AtlasKmsAccess } from './constructs/atlas/atlas-kms-access.js';
import { AtlasPrivateEndpoint } from './constructs/atlas/atlas-private-endpoint.js';
import { ContentDatabaseUser } from './constructs/atlas/content-database-user.js';
import { PlatformStack, type PlatformStackProps } from './platform-stack.js';

/** Atlas names AWS regions in upper case with underscores: us-east-1 → US_EAST_1. */
export function atlasRegionName(awsRegion: string): string {
  return awsRegion.toUpperCase().replaceAll('-', '_');
}

/**
 * The `mongodb+srv` string of the private endpoint whose AWS side is `vpcEndpointAddress`: a
 * cluster lists one entry per private endpoint of its project, in no promised order.
 */
export function privateSrvConnectionString(
  cluster: DataMongodbatlasAdvancedCluster,
  vpcEndpointAddress: string,
): string {
  const entries = `${cluster.fqn}.connection_strings[0].private_endpoint`;
  return Token.asString(
    `\${one([for entry in ${entries} : entry.srv_connection_string if contains(entry.endpoints[*].endpoint_id, ${vpcEndpointAddress}.id)])}`,
  );
}

export interface AtlasStackProps extends PlatformStackProps {
  network: { vpcId: string; privateSubnetIds: string[] };
  cluster: { clusterSecurityGroupId: string };
}

/**
 * MongoDB Atlas for PromptContent: a replica set of electable nodes on AWS in the spec's region,
 * encrypted at rest with a customer-managed KMS key, TLS 1.2 or newer, daily backups kept for the
 * spec's retention with point-in-time recovery, reached through PrivateLink only (no IP access
 * list: an access list admits public addresses, and PrivateLink traffic never passes it).
 *
 * PromptContent signs in with the IAM role of its pods (no database password exists), allowed to
 * read and write its own database only.
 *
 * Read by other stacks: `privateConnectionString`, `contentDatabase`, `contentRoleArn`.
 *
 * Credentials: MONGODB_ATLAS_PUBLIC_KEY and MONGODB_ATLAS_PRIVATE_KEY, read by the provider. The
 * organization comes from `data.atlas.orgId` or, when the spec leaves it out, the Terraform
 * variable `atlas_org_id` (TF_VAR_atlas_org_id).
 */
export class AtlasStack extends PlatformStack {
  readonly projectId: string;
  readonly clusterName: string;
  /** The PrivateLink connection string of the replica set (mongodb+srv). */
  readonly privateConnectionString: string;
  /** PromptContent's database. */
  readonly contentDatabase: string;
  /** The IAM role of the PromptContent pods, which Atlas authenticates (MONGODB-AWS). */
  readonly contentRoleArn: string;

  constructor(scope: Construct, props: AtlasStackProps) {
    super(scope, 'atlas', props);
    this.useAwsProvider();
    new MongodbatlasProvider(this, 'mongodbatlas', {});
    new TimeProvider(this, 'time', {});
    const { data, environment } = this.spec;
    const { atlas } = data;
    const atlasRegion = atlasRegionName(environment.region);

    const orgId =
      atlas.orgId ??
      new TerraformVariable(this, 'atlas_org_id', {
        type: 'string',
        description: 'MongoDB Atlas organization id (24 hexadecimal characters)',
        nullable: false,
      }).stringValue;
    const project = new Project(this, 'project', {
      name: this.resourceName('content'),
      orgId,
      withDefaultAlertsSettings: true,
      tags: this.tags,
    });
    this.projectId = project.id;

    const kms = new AtlasKmsAccess(this, 'kms', {
      projectId: project.id,
      name: this.resourceName('atlas-encryption'),
      atlasRegion,
    });

    const cluster = new AdvancedCluster(this, 'cluster', {
      projectId: project.id,
      name: this.resourceName('content'),
      clusterType: 'REPLICASET',
      mongoDbMajorVersion: atlas.mongoVersion,
      backupEnabled: true,
      pitEnabled: true,
      encryptionAtRestProvider: 'AWS',
      terminationProtectionEnabled: true,
      advancedConfiguration: { minimumEnabledTlsProtocol: 'TLS1_2', javascriptEnabled: false },
      replicationSpecs: [
        {
          regionConfigs: [
            {
              providerName: 'AWS',
              regionName: atlasRegion,
              priority: 7,
              electableSpecs: { instanceSize: atlas.instanceSize, nodeCount: atlas.electableNodes },
            },
          ],
        },
      ],
      tags: Object.entries(this.tags).map(([key, value]) => ({ key, value })),
      dependsOn: [kms.encryptionAtRest],
    });
    this.clusterName = cluster.name;

    new CloudBackupSchedule(this, 'backups', {
      projectId: project.id,
      clusterName: cluster.name,
      referenceHourOfDay: 3,
      referenceMinuteOfHour: 0,
      restoreWindowDays: 7,
      policyItemDaily: {
        frequencyInterval: 1,
        retentionUnit: 'days',
        retentionValue: data.backupRetentionDays,
      },
    });

    const endpoint = new AtlasPrivateEndpoint(this, 'private-endpoint', {
      projectId: project.id,
      name: this.resourceName('atlas-endpoint'),
      region: environment.region,
      vpcId: props.network.vpcId,
      subnetIds: props.network.privateSubnetIds,
      clientSecurityGroupId: props.cluster.clusterSecurityGroupId,
    });

    this.contentDatabase = atlas.databaseName;
    this.contentRoleArn = new ContentDatabaseUser(this, 'promptcontent-user', {
      roleName: this.resourceName('promptcontent'),
      projectId: project.id,
      clusterName: cluster.name,
      database: atlas.databaseName,
    }).roleArn;

    // The cluster's own connection_strings are read at its creation, before the endpoint exists, and
    // stay empty on the first apply; a data source read after the endpoint service is connected has it.
    const connected = new DataMongodbatlasAdvancedCluster(this, 'connected-cluster', {
      projectId: project.id,
      name: cluster.name,
      dependsOn: [endpoint.service],
    });
    // A local, so that other stacks read the one string rather than rebuild the expression.
    this.privateConnectionString = new TerraformLocal(
      this,
      'private_srv_connection_string',
      privateSrvConnectionString(connected, endpoint.vpcEndpoint.fqn),
    ).asString;
    new TerraformOutput(this, 'private_connection_string', {
      value: this.privateConnectionString,
      description: 'mongodb+srv address of PromptContent through PrivateLink',
    });
  }
}
