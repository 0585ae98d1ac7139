import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest/index.js';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { EXTERNAL_SECRETS_API, SECRET_STORE_NAME } from './addons/external-secrets.js';
import { PART_OF } from './labels.js';
import type { ServiceSecrets } from './service-runtime.js';

/** How often the operator re-reads Secrets Manager, so a rotated credential reaches new pods. */
const REFRESH_INTERVAL = '1h';

export function secretsName(service: string): string {
  return `${service}-secrets`;
}

/**
 * One ExternalSecret per service (the ones made, by service): the operator reads the referenced secrets, renders the service's
 * variables from them and owns the resulting Kubernetes Secret (same name), which the pods load.
 */
export function addServiceSecrets(
  scope: Construct,
  namespace: string,
  secrets: Partial<Record<string, ServiceSecrets>>,
  dependsOn: ITerraformDependable[],
): Map<string, Manifest> {
  const made = new Map<string, Manifest>();
  for (const [service, serviceSecrets] of Object.entries(secrets)) {
    if (!serviceSecrets || Object.keys(serviceSecrets.variables).length === 0) continue;
    made.set(
      service,
      externalSecret(scope, service, secretsName(service), namespace, serviceSecrets, dependsOn),
    );
  }
  return made;
}

/** Every secret ARN the services' ExternalSecrets read, once each. */
export function referencedSecretArns(secrets: Partial<Record<string, ServiceSecrets>>): string[] {
  const arns = Object.values(secrets).flatMap((s) => s?.references.map((r) => r.secretArn) ?? []);
  return [...new Set(arns)];
}

function externalSecret(
  scope: Construct,
  service: string,
  name: string,
  namespace: string,
  secrets: ServiceSecrets,
  dependsOn: ITerraformDependable[],
): Manifest {
  return new Manifest(scope, `${service}-external-secret`, {
    manifest: {
      apiVersion: EXTERNAL_SECRETS_API,
      kind: 'ExternalSecret',
      metadata: {
        name,
        namespace,
        labels: { 'app.kubernetes.io/name': service, 'app.kubernetes.io/part-of': PART_OF },
      },
      spec: {
        refreshInterval: REFRESH_INTERVAL,
        secretStoreRef: { kind: 'ClusterSecretStore', name: SECRET_STORE_NAME },
        target: {
          name,
          creationPolicy: 'Owner',
          deletionPolicy: 'Retain',
          template: { engineVersion: 'v2', type: 'Opaque', data: secrets.variables },
        },
        data: secrets.references.map((reference) => ({
          secretKey: reference.key,
          remoteRef: {
            key: reference.secretArn,
            ...(reference.property ? { property: reference.property } : {}),
          },
        })),
      },
    },
    dependsOn,
  });
}
