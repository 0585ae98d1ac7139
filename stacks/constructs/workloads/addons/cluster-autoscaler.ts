import type { Release } from '@cdktf/provider-helm/lib/release/index.js';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import type { AddonsSpec } from '../../../../config/schema/edge-workloads.js';
import { SpecError } from '../../../../config/spec.js';
import { CLUSTER_AUTOSCALER_SERVICE_ACCOUNT } from '../../cluster/cluster-autoscaler-access.js';
import { type ChartSpec, chartRelease } from './chart-release.js';
import { CHART_CONTAINER_SECURITY_CONTEXT, CHART_POD_SECURITY_CONTEXT, guaranteed } from './pod-security.js';

export interface ClusterAutoscalerProps {
  chart: ChartSpec;
  imageTag: string;
  /** `1.33`: the image's minor version must be the cluster's. */
  kubernetesVersion: string;
  scaleDown: AddonsSpec['nodeScaleDown'];
  clusterName: string;
  region: string;
  dependsOn: ITerraformDependable[];
}

/**
 * The Kubernetes Cluster Autoscaler: adds a node when an API pod the HPA asked for cannot be
 * scheduled and removes nodes the pods no longer need, within the node group's minimum and
 * maximum from the capacity plan. It finds the group by the tags EKS puts on managed node groups'
 * autoscaling groups, picks the group that wastes least, and acts through the IAM role the cluster
 * stack binds to its service account with EKS Pod Identity.
 */
export function addClusterAutoscaler(scope: Construct, props: ClusterAutoscalerProps): Release {
  const { chart, scaleDown } = props;
  if (chart.namespace !== CLUSTER_AUTOSCALER_SERVICE_ACCOUNT.namespace) {
    throw new SpecError('spec', [
      `addons.clusterAutoscaler.namespace: must be ${CLUSTER_AUTOSCALER_SERVICE_ACCOUNT.namespace}, where the cluster stack binds its IAM role`,
    ]);
  }
  if (!props.imageTag.startsWith(`v${props.kubernetesVersion}.`)) {
    throw new SpecError('spec', [
      `addons.clusterAutoscalerImageTag: ${props.imageTag} does not match cluster.kubernetesVersion ${props.kubernetesVersion}`,
    ]);
  }
  return chartRelease(
    scope,
    'cluster-autoscaler',
    chart,
    {
      image: { tag: props.imageTag },
      cloudProvider: 'aws',
      awsRegion: props.region,
      autoDiscovery: { clusterName: props.clusterName },
      rbac: { serviceAccount: { create: true, name: CLUSTER_AUTOSCALER_SERVICE_ACCOUNT.name } },
      replicaCount: 2,
      podDisruptionBudget: { maxUnavailable: 1 },
      // This chart calls the pod's context securityContext and the container's containerSecurityContext.
      securityContext: CHART_POD_SECURITY_CONTEXT,
      containerSecurityContext: CHART_CONTAINER_SECURITY_CONTEXT,
      // The chart's suggested size (100m, 300Mi), ample for one node group.
      resources: guaranteed('100m', '300Mi'),
      extraArgs: {
        expander: 'least-waste',
        'balance-similar-node-groups': true,
        'scale-down-utilization-threshold': scaleDown.utilizationThreshold,
        'scale-down-unneeded-time': scaleDown.unneededTime,
        'scale-down-delay-after-add': scaleDown.delayAfterAdd,
      },
    },
    props.dependsOn,
  );
}
