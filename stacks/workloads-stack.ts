import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { addHelmProvider, addKubernetesProvider } from './constructs/workloads/cluster-providers.js';
import type { ClusterOutputs, NetworkOutputs } from './constructs/workloads/platform-inputs.js';
import { PlatformWorkloads } from './constructs/workloads/platform-workloads.js';
import type { ServiceSettings } from './constructs/workloads/service-settings.js';
import { PlatformStack, type PlatformStackProps } from './platform-stack.js';

export interface WorkloadsStackProps extends PlatformStackProps {
  network: Pick<NetworkOutputs, 'vpcId'>;
  cluster: ClusterOutputs;
  /** Non-secret container settings from other stacks (token issuer, endpoints); none by default. */
  serviceSettings?: ServiceSettings;
}

/**
 * What runs in the cluster: metrics-server, kube-prometheus-stack, the Prometheus Adapter with the
 * `http_requests_inflight` rule and the AWS Load Balancer Controller (Helm, pinned in
 * `spec.addons`), then, per service and API version of the plan, a Deployment, Service, HPA and
 * PodDisruptionBudget in the API namespace.
 *
 * Read by other stacks: `namespace` (the edge stack's Ingress lives there, which also orders the
 * edge stack after this one).
 */
export class WorkloadsStack extends PlatformStack {
  readonly namespace: string;

  constructor(scope: Construct, props: WorkloadsStackProps) {
    super(scope, 'workloads', props);
    this.useAwsProvider();
    const { spec, plan } = this;
    const region = spec.environment.region;
    addKubernetesProvider(this, props.cluster, region);
    addHelmProvider(this, props.cluster, region);

    const workloads = new PlatformWorkloads(this, 'workloads', {
      plan,
      namespace: spec.workloads.namespace,
      runtime: spec.podRuntime,
      addons: spec.addons,
      clusterName: props.cluster.clusterName,
      vpcId: props.network.vpcId,
      region,
      namePrefix: this.resourceName('workloads'),
      serviceSettings: props.serviceSettings,
    });
    this.namespace = workloads.namespace.metadata.name;

    new TerraformOutput(this, 'deployments', {
      description: 'API deployments with their routes and replica bounds',
      value: plan.deployments.map((d) => ({
        name: d.name,
        path: d.path,
        minReplicas: d.minReplicas,
        maxReplicas: d.maxReplicas,
      })),
    });
  }
}
