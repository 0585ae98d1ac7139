import { DatabaseUser } from '@cdktf/provider-mongodbatlas/lib/database-user/index.js';
import { Construct } from 'constructs';
import { ServiceRole } from '../service-role.js';

export interface ContentDatabaseUserProps {
  /** Name of the IAM role the PromptContent pods assume through EKS Pod Identity. */
  roleName: string;
  projectId: string;
  clusterName: string;
  database: string;
}

/**
 * PromptContent's way into Atlas without a password: an IAM role for its pods (EKS Pod Identity)
 * and an Atlas database user authenticated as that role (MONGODB-AWS), allowed to read and write
 * PromptContent's database on this cluster only.
 */
export class ContentDatabaseUser extends Construct {
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: ContentDatabaseUserProps) {
    super(scope, id);
    const role = new ServiceRole(this, 'role', {
      name: props.roleName,
      servicePrincipal: 'pods.eks.amazonaws.com',
      managedPolicies: [],
      tagSession: true,
    });
    new DatabaseUser(this, 'user', {
      projectId: props.projectId,
      username: role.arn,
      authDatabaseName: '$external',
      awsIamType: 'ROLE',
      roles: [{ roleName: 'readWrite', databaseName: props.database }],
      scopes: [{ name: props.clusterName, type: 'CLUSTER' }],
    });
    this.roleArn = role.arn;
  }
}
