import { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association/index.js';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1/index.js';
import type { Construct } from 'constructs';
import { PART_OF } from './labels.js';

export interface ServiceIdentitiesProps {
  namespace: string;
  clusterName: string;
  services: string[];
  /** IAM role per service that calls AWS itself; bound to its service account with EKS Pod Identity. */
  awsRoles: Partial<Record<string, string>>;
}

/**
 * One ServiceAccount per service (no API token mounted: the pods never call Kubernetes), so that an
 * AWS role can be bound to exactly one service's pods; the names made, by service.
 */
export function addServiceIdentities(scope: Construct, props: ServiceIdentitiesProps): Map<string, string> {
  const made = new Map<string, string>();
  for (const service of new Set(props.services)) {
    const account = new ServiceAccountV1(scope, `${service}-service-account`, {
      metadata: {
        name: service,
        namespace: props.namespace,
        labels: { 'app.kubernetes.io/name': service, 'app.kubernetes.io/part-of': PART_OF },
      },
      automountServiceAccountToken: false,
    });
    const roleArn = props.awsRoles[service];
    if (roleArn) {
      new EksPodIdentityAssociation(scope, `${service}-pod-identity`, {
        clusterName: props.clusterName,
        namespace: props.namespace,
        serviceAccount: account.metadata.name,
        roleArn,
      });
    }
    made.set(service, service);
  }
  return made;
}
