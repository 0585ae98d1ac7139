import type { Release } from '@cdktf/provider-helm/lib/release/index.js';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { type ChartSpec, chartRelease } from './chart-release.js';
import { CHART_CONTAINER_SECURITY_CONTEXT, CHART_POD_SECURITY_CONTEXT, guaranteed } from './pod-security.js';

/** Resource metrics (CPU, memory) for the HPAs; two replicas so autoscaling survives a node drain. */
export function addMetricsServer(
  scope: Construct,
  chart: ChartSpec,
  dependsOn: ITerraformDependable[],
): Release {
  return chartRelease(
    scope,
    'metrics-server',
    chart,
    {
      replicas: 2,
      podDisruptionBudget: { enabled: true, maxUnavailable: 1 },
      podSecurityContext: CHART_POD_SECURITY_CONTEXT,
      securityContext: CHART_CONTAINER_SECURITY_CONTEXT,
      // The chart's default request, 100m and 200Mi, which upstream sizes for clusters of up to 100 nodes.
      resources: guaranteed('100m', '200Mi'),
    },
    dependsOn,
  );
}
