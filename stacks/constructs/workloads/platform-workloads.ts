import type { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1/index.js';
import { Construct } from 'constructs';
import type { CapacityPlan } from '../../../calculators/plan-types.js';
import type { AddonsSpec, PodRuntimeSpec } from '../../../config/schema/edge-workloads.js';
import { addKubePrometheusStack } from './addons/kube-prometheus-stack.js';
import { LoadBalancerController } from './addons/load-balancer-controller.js';
import { addMetricsServer } from './addons/metrics-server.js';
import { addPrometheusAdapter } from './addons/prometheus-adapter.js';
import { ApiDeployment } from './api-deployment.js';
import { addApiNamespace } from './api-namespace.js';
import { addServiceSettings, type ServiceSettings } from './service-settings.js';

export interface PlatformWorkloadsProps {
  plan: CapacityPlan;
  namespace: string;
  runtime: PodRuntimeSpec;
  addons: AddonsSpec;
  clusterName: string;
  vpcId: string;
  region: string;
  /** Prefix of AWS resource names, unique per environment. */
  namePrefix: string;
  serviceSettings?: ServiceSettings;
}

/** The add-ons every API deployment relies on, then one ApiDeployment per entry of the plan. */
export class PlatformWorkloads extends Construct {
  readonly namespace: NamespaceV1;
  readonly deployments: ApiDeployment[];
  readonly loadBalancerController: LoadBalancerController;

  constructor(scope: Construct, id: string, props: PlatformWorkloadsProps) {
    super(scope, id);
    const { addons, plan, runtime } = props;
    this.namespace = addApiNamespace(this, props.namespace);
    addMetricsServer(this, addons.metricsServer);
    const prometheus = addKubePrometheusStack(
      this,
      addons.kubePrometheusStack,
      props.namespace,
      addons.prometheusRetention,
    );
    addPrometheusAdapter(this, addons.prometheusAdapter, prometheus);
    this.loadBalancerController = new LoadBalancerController(this, 'aws-load-balancer-controller', {
      chart: addons.awsLoadBalancerController,
      clusterName: props.clusterName,
      region: props.region,
      vpcId: props.vpcId,
      namePrefix: props.namePrefix,
    });
    const settings = addServiceSettings(
      this,
      this.namespace.metadata.name,
      plan.deployments.map((d) => d.service),
      props.serviceSettings,
    );
    this.deployments = plan.deployments.map(
      (deployment) =>
        new ApiDeployment(this, deployment.name, {
          deployment,
          plan,
          runtime,
          namespace: this.namespace.metadata.name,
          settingsConfigMap: settings.get(deployment.service),
          dependsOn: [this.loadBalancerController.release],
        }),
    );
  }
}
