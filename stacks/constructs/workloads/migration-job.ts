import { JobV1 } from '@cdktf/provider-kubernetes/lib/job-v1/index.js';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import type { DeploymentPlan } from '../../../calculators/plan-types.js';
import type { PodRuntimeSpec } from '../../../config/schema/edge-workloads.js';
import { deploymentLabels } from './labels.js';
import {
  CONTAINER_SECURITY_CONTEXT,
  envFromSources,
  type PodSources,
  podSecurityContext,
  pullPolicy,
  TMP_MOUNT,
  tmpVolume,
} from './pod-template.js';

export function migrationJobName(deployment: DeploymentPlan): string {
  return `${deployment.name}-migrate`;
}

export interface MigrationJobProps {
  deployment: DeploymentPlan;
  runtime: PodRuntimeSpec;
  namespace: string;
  sources: PodSources;
  dependsOn: ITerraformDependable[];
}

/**
 * Creates the service's database (or collections) and applies pending migrations before its pods
 * start: the deployment's own image with `migrate`, the same settings and secrets. Terraform waits
 * for it to complete, and replaces it (running it again) whenever the image changes.
 */
export function addMigrationJob(scope: Construct, id: string, props: MigrationJobProps): JobV1 {
  const { deployment, runtime } = props;
  const { migration } = runtime;
  const resources = { cpu: migration.cpu, memory: migration.memory };
  const labels = { ...deploymentLabels(deployment), 'app.kubernetes.io/component': 'migration' };
  return new JobV1(scope, id, {
    metadata: { name: migrationJobName(deployment), namespace: props.namespace, labels },
    spec: {
      backoffLimit: migration.backoffLimit,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          ...(props.sources.serviceAccount ? { serviceAccountName: props.sources.serviceAccount } : {}),
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: podSecurityContext(runtime),
          container: [
            {
              name: 'migrate',
              image: deployment.image,
              imagePullPolicy: pullPolicy(deployment.image),
              args: migration.command,
              envFrom: envFromSources(props.sources),
              resources: { requests: resources, limits: resources },
              securityContext: CONTAINER_SECURITY_CONTEXT,
              volumeMount: [TMP_MOUNT],
            },
          ],
          volume: [tmpVolume(runtime)],
        },
      },
    },
    waitForCompletion: true,
    timeouts: { create: migration.timeout, update: migration.timeout },
    dependsOn: props.dependsOn,
  });
}
