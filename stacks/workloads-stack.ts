import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import type { ServiceName } from '../config/schema/infrastructure.js';
import { addHelmProvider, addKubernetesProvider } from './constructs/workloads/cluster-providers.js';
import { imageReferences } from './constructs/workloads/image-references.js';
import type {
  ClusterOutputs,
  NetworkOutputs,
  ServiceRuntimeInputs,
} from './constructs/workloads/platform-inputs.js';
import { PlatformWorkloads } from './constructs/workloads/platform-workloads.js';
import { serviceRuntime } from './constructs/workloads/service-runtime.js';
import { PlatformStack, type PlatformStackProps } from './platform-stack.js';

export interface WorkloadsStackProps extends PlatformStackProps {
  network: Pick<NetworkOutputs, 'vpcId'>;
  cluster: ClusterOutputs;
  /** What the pods are configured from: the identity, data and Atlas stacks' public properties. */
  runtime: ServiceRuntimeInputs;
  /** The services' ECR repositories (registry stack). */
  registry: { repositoryUrls: Partial<Record<ServiceName, string>> };
}

/**
 * What runs in the cluster: metrics-server, kube-prometheus-stack, the Prometheus Adapter with the
 * `http_requests_inflight` rule, the AWS Load Balancer Controller, the Cluster Autoscaler and the
 * External Secrets Operator (Helm, pinned in `spec.addons`); per service a ServiceAccount, a
 * ConfigMap of settings and an ExternalSecret of credentials; then, per service and API version of
 * the plan, a Deployment, Service, HPA and PodDisruptionBudget in the API namespace.
 *
 * Applied after the data, Atlas and identity stacks, whose endpoints, issuer and secret ARNs the
 * pods receive. Read by other stacks: `namespace` (the edge stack's Ingress lives there, which
 * also orders the edge stack after this one).
 */
export class WorkloadsStack extends PlatformStack {
  readonly namespace: string;

  constructor(scope: Construct, props: WorkloadsStackProps) {
    super(scope, 'workloads', props);
    this.useAwsProvider();
    const { spec } = this;
    const images = imageReferences(this, this.plan.deployments, {
      requireDigest: spec.environment.name === 'prod',
      repositoryUrls: props.registry.repositoryUrls,
    });
    const plan = {
      ...this.plan,
      deployments: this.plan.deployments.map((d) => ({ ...d, image: images.get(d.name) })),
    };
    const region = spec.environment.region;
    addKubernetesProvider(this, props.cluster, region);
    addHelmProvider(this, props.cluster, region);

    const workloads = new PlatformWorkloads(this, 'workloads', {
      plan,
      namespace: spec.workloads.namespace,
      runtime: spec.podRuntime,
      addons: spec.addons,
      clusterName: props.cluster.clusterName,
      kubernetesVersion: spec.cluster.kubernetesVersion,
      vpcId: props.network.vpcId,
      region,
      namePrefix: this.resourceName('workloads'),
      payments: spec.workloads.payments,
      serviceRuntime: serviceRuntime({
        inputs: props.runtime,
        deployments: plan.deployments,
        namespace: spec.workloads.namespace,
        specSettings: spec.workloads.settings,
        databaseCaBundlePath: spec.podRuntime.databaseCaBundlePath,
        region,
        payments: spec.workloads.payments,
      }),
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
