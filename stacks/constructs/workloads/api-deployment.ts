import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1/index.js';
import { HorizontalPodAutoscalerV2 } from '@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2/index.js';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1/index.js';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1/index.js';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { CapacityPlan, DeploymentPlan } from '../../../calculators/plan-types.js';
import type { PodRuntimeSpec } from '../../../config/schema/edge-workloads.js';
import { autoscalerSpec } from './autoscaler.js';
import { capacityAnnotations } from './capacity-annotations.js';
import { deploymentLabels, selectorLabels } from './labels.js';
import { apiPodSpec, HTTP_PORT_NAME, type PodSources, scrapeAnnotations } from './pod-template.js';

export interface ApiDeploymentProps {
  deployment: DeploymentPlan;
  plan: CapacityPlan;
  runtime: PodRuntimeSpec;
  namespace: string;
  /** The service account, ConfigMap and Secret of the service. */
  sources?: PodSources;
  /** What must run before the pods (the load balancer controller's pod readiness-gate webhook). */
  dependsOn?: ITerraformDependable[];
}

/** One service at one API version: its Deployment, Service, HPA and PodDisruptionBudget. */
export class ApiDeployment extends Construct {
  readonly deployment: DeploymentV1;
  readonly service: ServiceV1;
  readonly autoscaler: HorizontalPodAutoscalerV2;
  readonly disruptionBudget: PodDisruptionBudgetV1;

  constructor(scope: Construct, id: string, props: ApiDeploymentProps) {
    super(scope, id);
    const { deployment, plan, runtime, namespace } = props;
    const labels = deploymentLabels(deployment);
    const selector = selectorLabels(deployment);
    const metadata = { name: deployment.name, namespace, labels };

    this.deployment = new DeploymentV1(this, 'deployment', {
      metadata,
      spec: {
        // The HPA owns the replica count once the Deployment exists.
        replicas: String(deployment.minReplicas),
        revisionHistoryLimit: 5,
        selector: { matchLabels: selector },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '0' } },
        template: {
          metadata: { labels, annotations: scrapeAnnotations(deployment, runtime) },
          spec: apiPodSpec(deployment, runtime, props.sources),
        },
      },
      lifecycle: { ignoreChanges: ['spec[0].replicas'] },
      dependsOn: props.dependsOn,
    });

    this.service = new ServiceV1(this, 'service', {
      metadata,
      spec: {
        type: 'ClusterIP',
        selector,
        port: [{ name: HTTP_PORT_NAME, port: deployment.port, targetPort: HTTP_PORT_NAME, protocol: 'TCP' }],
      },
      // The load balancer controller's webhook must be serving before any Service is created.
      dependsOn: props.dependsOn,
    });

    this.autoscaler = new HorizontalPodAutoscalerV2(this, 'autoscaler', {
      metadata: { ...metadata, annotations: capacityAnnotations(plan, deployment) },
      spec: autoscalerSpec(deployment, plan.hpa),
    });

    this.disruptionBudget = new PodDisruptionBudgetV1(this, 'disruption-budget', {
      metadata,
      spec: { maxUnavailable: String(runtime.maxUnavailable), selector: { matchLabels: selector } },
    });
  }
}
