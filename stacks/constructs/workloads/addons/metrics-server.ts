import type { Release } from '@cdktf/provider-helm/lib/release/index.js';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { type ChartSpec, chartRelease } from './chart-release.js';

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
    { replicas: 2, podDisruptionBudget: { enabled: true, maxUnavailable: 1 } },
    dependsOn,
  );
}
