import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import type { Construct } from 'constructs';
import type { ServiceName } from '../../../config/schema/infrastructure.js';
import { accountIdOf } from '../kms-key.js';
import { ServiceRole } from '../service-role.js';
import type { DatabaseUser } from './service-runtime.js';

export interface DatabaseAccessProps {
  users: Partial<Record<ServiceName, DatabaseUser>>;
  region: string;
  /** Prefix of the IAM role names, unique per environment. */
  namePrefix: string;
}

/**
 * One IAM role per Aurora service, for its pods (EKS Pod Identity), allowed `rds-db:connect` as
 * that service's own database user on its cluster and nothing else: the IAM side of the users the
 * migration jobs create. Returns the roles' ARNs by service.
 */
export function addDatabaseAccessRoles(
  scope: Construct,
  props: DatabaseAccessProps,
): Partial<Record<ServiceName, string>> {
  const roles: Partial<Record<ServiceName, string>> = {};
  const account = accountIdOf(scope);
  for (const [service, access] of Object.entries(props.users) as [ServiceName, DatabaseUser][]) {
    const role = new ServiceRole(scope, `${service}-database-role`, {
      name: `${props.namePrefix}-${service}`,
      servicePrincipal: 'pods.eks.amazonaws.com',
      managedPolicies: [],
      tagSession: true,
    });
    const connect = new DataAwsIamPolicyDocument(scope, `${service}-database-connect`, {
      statement: [
        {
          sid: 'ConnectAsServiceUser',
          effect: 'Allow',
          actions: ['rds-db:connect'],
          resources: [
            `arn:aws:rds-db:${props.region}:${account}:dbuser:${access.clusterResourceId}/${access.user}`,
          ],
        },
      ],
    });
    new IamRolePolicy(scope, `${service}-database-policy`, { role: role.role.id, policy: connect.json });
    roles[service] = role.arn;
  }
  return roles;
}
