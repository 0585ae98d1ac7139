import type { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1/index.js';
import { Construct } from 'constructs';
import type { CapacityPlan } from '../../../calculators/plan-types.js';
import type { AddonsSpec, PodRuntimeSpec } from '../../../config/schema/edge-workloads.js';
import type { PaymentsSpec } from '../../../config/schema/infrastructure.js';
import { addClusterAutoscaler } from './addons/cluster-autoscaler.js';
import { ExternalSecretsOperator } from './addons/external-secrets.js';
import { addKubePrometheusStack } from './addons/kube-prometheus-stack.js';
import { LoadBalancerController } from './addons/load-balancer-controller.js';
import { addMetricsServer } from './addons/metrics-server.js';
import { addPrometheusAdapter } from './addons/prometheus-adapter.js';
import { ApiDeployment } from './api-deployment.js';
import { addApiNamespace } from './api-namespace.js';
import { addDatabaseAccessRoles } from './database-access.js';
import { addMigrationJob } from './migration-job.js';
import { addReconcileCronJob } from './reconcile-cron-job.js';
import { addServiceIdentities } from './service-identities.js';
import type { ServiceRuntime } from './service-runtime.js';
import {
  addServiceSecrets,
  MIGRATION_SECRETS,
  referencedSecretArns,
  secretsName,
} from './service-secrets.js';

import { addServiceSettings } from './service-settings.js';

export interface PlatformWorkloadsProps {
  plan: CapacityPlan;
  namespace: string;
  runtime: PodRuntimeSpec;
  addons: AddonsSpec;
  clusterName: string;
  /** `1.33`: the Cluster Autoscaler image must match it. */
  kubernetesVersion: string;
  vpcId: string;
  region: string;
  /** Prefix of AWS resource names, unique per environment. */
  namePrefix: string;
  /** What each service's pods receive: settings, secrets, AWS roles (see service-runtime.ts). */
  serviceRuntime: ServiceRuntime;
  /** With PayPal, Business's reconciliation CronJob runs beside its first API version. */
  payments: PaymentsSpec;
}

/**
 * The add-ons every API deployment relies on (metrics, the load balancer controller, the Cluster
 * Autoscaler, the External Secrets Operator), each service's identity, settings and secrets, then
 * one ApiDeployment per entry of the plan.
 */
export class PlatformWorkloads extends Construct {
  readonly namespace: NamespaceV1;
  readonly deployments: ApiDeployment[];
  readonly loadBalancerController: LoadBalancerController;
  readonly externalSecrets: ExternalSecretsOperator;

  constructor(scope: Construct, id: string, props: PlatformWorkloadsProps) {
    super(scope, id);
    const { addons, plan, runtime } = props;
    this.namespace = addApiNamespace(this, props.namespace);
    this.loadBalancerController = new LoadBalancerController(this, 'aws-load-balancer-controller', {
      chart: addons.awsLoadBalancerController,
      clusterName: props.clusterName,
      region: props.region,
      vpcId: props.vpcId,
      namePrefix: props.namePrefix,
    });
    // The controller's webhook admits every Service (failurePolicy Fail): the other charts, whose
    // Services it would refuse while its pods start, install after it.
    const afterController = [this.loadBalancerController.release];
    addMetricsServer(this, addons.metricsServer, afterController);
    const prometheus = addKubePrometheusStack(
      this,
      addons.kubePrometheusStack,
      props.namespace,
      { retention: addons.prometheusRetention, volumeSize: addons.prometheusVolumeSize },
      afterController,
    );
    addPrometheusAdapter(this, addons.prometheusAdapter, prometheus);
    addClusterAutoscaler(this, {
      dependsOn: afterController,
      chart: addons.clusterAutoscaler,
      imageTag: addons.clusterAutoscalerImageTag,
      kubernetesVersion: props.kubernetesVersion,
      scaleDown: addons.nodeScaleDown,
      clusterName: props.clusterName,
      region: props.region,
    });
    const { serviceRuntime } = props;
    this.externalSecrets = new ExternalSecretsOperator(this, 'external-secrets', {
      chart: addons.externalSecrets,
      clusterName: props.clusterName,
      region: props.region,
      secretArns: referencedSecretArns(serviceRuntime.secrets, serviceRuntime.migrationSecrets),
      namePrefix: props.namePrefix,
      dependsOn: afterController,
    });

    const namespace = this.namespace.metadata.name;
    const services = plan.deployments.map((d) => d.service);
    const databaseRoles = addDatabaseAccessRoles(this, {
      users: serviceRuntime.databaseUsers,
      region: props.region,
      namePrefix: props.namePrefix,
    });
    const accounts = addServiceIdentities(this, {
      namespace,
      clusterName: props.clusterName,
      services,
      awsRoles: { ...serviceRuntime.awsRoles, ...databaseRoles },
    });
    const settings = addServiceSettings(this, namespace, services, serviceRuntime.settings);
    const secrets = addServiceSecrets(this, namespace, serviceRuntime.secrets, [this.externalSecrets.store]);
    const migrationSecrets = addServiceSecrets(
      this,
      namespace,
      serviceRuntime.migrationSecrets,
      [this.externalSecrets.store],
      MIGRATION_SECRETS,
    );
    this.deployments = plan.deployments.map((deployment) => {
      const secret = secrets.get(deployment.service);
      const sources = {
        serviceAccount: accounts.get(deployment.service),
        settingsConfigMap: settings.get(deployment.service),
        secret: secret ? secretsName(deployment.service) : undefined,
      };
      const migrationSecret = migrationSecrets.get(deployment.service);
      const migration = addMigrationJob(this, `${deployment.name}-migration`, {
        deployment,
        runtime,
        namespace,
        sources: {
          ...sources,
          ...(migrationSecret ? { migrationSecret: MIGRATION_SECRETS.name(deployment.service) } : {}),
        },
        dependsOn: [secret, migrationSecret].filter((made) => made !== undefined),
      });
      const payments = props.payments;
      if (payments.gateway === 'paypal' && deployment.service === 'business' && deployment.version === 1) {
        addReconcileCronJob(this, `${deployment.name}-reconcile-payments`, {
          deployment,
          runtime,
          namespace,
          schedule: payments.reconcileSchedule,
          sources,
          dependsOn: [migration],
        });
      }
      return new ApiDeployment(this, deployment.name, {
        deployment,
        plan,
        runtime,
        namespace,
        sources,
        dependsOn: [this.loadBalancerController.release, migration],
      });
    });
  }
}
