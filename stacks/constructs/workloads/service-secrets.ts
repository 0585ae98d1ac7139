import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest/index.js';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { EXTERNAL_SECRETS_API, SECRET_STORE_NAME } from './addons/external-secrets.js';
import { PART_OF } from './labels.js';
import type { ServiceSecrets } from './service-runtime.js';

export function secretsName(service: string): string {
  return `${service}-secrets`;
}

/** Which Secret an ExternalSecret renders, and how often the operator re-reads Secrets Manager. */
export interface SecretKind {
  name(service: string): string;
  /** Construct id suffix, unique per kind. */
  id: string;
  refreshInterval: string;
}

/** The services' own credentials (the Redis AUTH token, the service client): rotated rarely. */
export const SERVICE_SECRETS: SecretKind = {
  name: secretsName,
  id: 'external-secret',
  refreshInterval: '1h',
};

/**
 * The migration jobs' master-user URL. RDS rotates the master password every 7 days; a job started
 * right after a rotation must not read the old one, so the operator re-reads it every minute.
 */
export const MIGRATION_SECRETS: SecretKind = {
  name: (service) => `${service}-migration-secrets`,
  id: 'migration-external-secret',
  refreshInterval: '1m',
};

/**
 * One ExternalSecret per service (the ones made, by service): the operator reads the referenced secrets, renders the service's
 * variables from them and owns the resulting Kubernetes Secret (same name), which the pods load.
 */
export function addServiceSecrets(
  scope: Construct,
  namespace: string,
  secrets: Partial<Record<string, ServiceSecrets>>,
  dependsOn: ITerraformDependable[],
  kind: SecretKind = SERVICE_SECRETS,
): Map<string, Manifest> {
  const made = new Map<string, Manifest>();
  for (const [service, serviceSecrets] of Object.entries(secrets)) {
    if (!serviceSecrets || Object.keys(serviceSecrets.variables).length === 0) continue;
    made.set(service, externalSecret(scope, service, kind, namespace, serviceSecrets, dependsOn));
  }
  return made;
}

/** Every secret ARN the given ExternalSecrets read, once each. */
export function referencedSecretArns(...secrets: Partial<Record<string, ServiceSecrets>>[]): string[] {
  const arns = secrets.flatMap((map) =>
    Object.values(map).flatMap((s) => s?.references.map((r) => r.secretArn) ?? []),
  );
  return [...new Set(arns)];
}

function externalSecret(
  scope: Construct,
  service: string,
  kind: SecretKind,
  namespace: string,
  secrets: ServiceSecrets,
  dependsOn: ITerraformDependable[],
): Manifest {
  const name = kind.name(service);
  return new Manifest(scope, `${service}-${kind.id}`, {
    manifest: {
      apiVersion: EXTERNAL_SECRETS_API,
      kind: 'ExternalSecret',
      metadata: {
        name,
        namespace,
        labels: { 'app.kubernetes.io/name': service, 'app.kubernetes.io/part-of': PART_OF },
      },
      spec: {
        refreshInterval: kind.refreshInterval,
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
