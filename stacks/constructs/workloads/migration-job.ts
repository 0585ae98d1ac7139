import { JobV1 } from '@cdktf/provider-kubernetes/lib/job-v1/index.js';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import type { DeploymentPlan } from '../../../calculators/plan-types.js';
import type { PodRuntimeSpec } from '../../../config/schema/edge-workloads.js';
import { deploymentLabels } from './labels.js';
import { jobPodSpec, type PodSources } from './pod-template.js';

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
  const labels = { ...deploymentLabels(deployment), 'app.kubernetes.io/component': 'migration' };
  return new JobV1(scope, id, {
    metadata: { name: migrationJobName(deployment), namespace: props.namespace, labels },
    spec: {
      backoffLimit: migration.backoffLimit,
      template: {
        metadata: { labels },
        spec: jobPodSpec(deployment, runtime, props.sources, { name: 'migrate', args: migration.command }),
      },
    },
    waitForCompletion: true,
    timeouts: { create: migration.timeout, update: migration.timeout },
    dependsOn: props.dependsOn,
  });
}
