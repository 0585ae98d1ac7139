import { CronJobV1 } from '@cdktf/provider-kubernetes/lib/cron-job-v1/index.js';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import type { DeploymentPlan } from '../../../calculators/plan-types.js';
import type { PodRuntimeSpec } from '../../../config/schema/edge-workloads.js';
import { deploymentLabels } from './labels.js';
import { jobPodSpec, type PodSources } from './pod-template.js';

/** Business's entry point for one pass over the PayPal orders whose outcome is unknown. */
export const RECONCILE_COMMAND = ['node', 'dist/main.js', 'reconcile'];

/** A pass asks PayPal about at most RECONCILE_LIMIT orders (500), each one GET within its timeout. */
const ACTIVE_DEADLINE_SECONDS = 900;

export interface ReconcileCronJobProps {
  deployment: DeploymentPlan;
  runtime: PodRuntimeSpec;
  namespace: string;
  /** Cron schedule, `*\/10 * * * *` (`workloads.payments.reconcileSchedule`). */
  schedule: string;
  sources: PodSources;
  dependsOn: ITerraformDependable[];
}

export function reconcileJobName(deployment: DeploymentPlan): string {
  return `${deployment.name}-reconcile-payments`;
}

/**
 * Settles PayPal orders whose outcome Business never recorded (a capture that timed out, a webhook
 * that never came): Business's own image with `reconcile`, its settings and secrets, on a schedule.
 * One pass at a time; a failed pass is retried by the next one.
 */
export function addReconcileCronJob(scope: Construct, id: string, props: ReconcileCronJobProps): CronJobV1 {
  const { deployment, runtime } = props;
  const labels = { ...deploymentLabels(deployment), 'app.kubernetes.io/component': 'reconcile-payments' };
  return new CronJobV1(scope, id, {
    metadata: { name: reconcileJobName(deployment), namespace: props.namespace, labels },
    spec: {
      schedule: props.schedule,
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        metadata: { labels },
        spec: {
          backoffLimit: 0,
          activeDeadlineSeconds: ACTIVE_DEADLINE_SECONDS,
          template: {
            metadata: { labels },
            spec: jobPodSpec(deployment, runtime, props.sources, {
              name: 'reconcile',
              args: RECONCILE_COMMAND,
            }),
          },
        },
      },
    },
    dependsOn: props.dependsOn,
  });
}
