import { Release } from '@cdktf/provider-helm/lib/release/index.js';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import type { AddonsSpec } from '../../../../config/schema/edge-workloads.js';

export type ChartSpec = AddonsSpec['metricsServer'];

/** Seconds Helm waits for a chart's resources to become ready (kube-prometheus-stack is the slowest). */
const INSTALL_TIMEOUT_SECONDS = 600;

/**
 * A pinned chart installed atomically: a failed install or upgrade rolls back instead of leaving
 * a half-applied release. Values are JSON, which Helm reads as YAML.
 */
export function chartRelease(
  scope: Construct,
  id: string,
  chart: ChartSpec,
  values: Record<string, unknown>,
  dependsOn?: ITerraformDependable[],
): Release {
  return new Release(scope, id, {
    name: chart.chart,
    repository: chart.repository,
    chart: chart.chart,
    version: chart.version,
    namespace: chart.namespace,
    createNamespace: true,
    atomic: true,
    cleanupOnFail: true,
    timeout: INSTALL_TIMEOUT_SECONDS,
    values: [JSON.stringify(values)],
    dependsOn,
  });
}
