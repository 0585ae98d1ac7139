import type { Release } from '@cdktf/provider-helm/lib/release/index.js';
import type { Construct } from 'constructs';
import { INFLIGHT_METRIC } from '../metrics.js';
import { type ChartSpec, chartRelease } from './chart-release.js';
import type { PrometheusStack } from './kube-prometheus-stack.js';
import { CHART_CONTAINER_SECURITY_CONTEXT, CHART_POD_SECURITY_CONTEXT, guaranteed } from './pod-security.js';

/**
 * Exposes the `http_requests_inflight` gauge as a Pods custom metric: each series is mapped to its
 * namespace and pod, and the HPA averages the per-pod sums against its AverageValue target.
 */
export function inflightMetricRule() {
  return {
    seriesQuery: `${INFLIGHT_METRIC}{namespace!="",pod!=""}`,
    resources: { overrides: { namespace: { resource: 'namespace' }, pod: { resource: 'pod' } } },
    name: { matches: `^${INFLIGHT_METRIC}$`, as: INFLIGHT_METRIC },
    metricsQuery: 'sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)',
  };
}

/** The custom metrics API (custom.metrics.k8s.io) backed by the platform's Prometheus. */
export function addPrometheusAdapter(
  scope: Construct,
  chart: ChartSpec,
  prometheus: PrometheusStack,
): Release {
  return chartRelease(
    scope,
    'prometheus-adapter',
    chart,
    {
      replicas: 2,
      prometheus: { url: prometheus.url, port: prometheus.port },
      rules: { default: false, custom: [inflightMetricRule()] },
      podSecurityContext: CHART_POD_SECURITY_CONTEXT,
      securityContext: CHART_CONTAINER_SECURITY_CONTEXT,
      resources: guaranteed('100m', '256Mi'),
    },
    [prometheus.release],
  );
}
