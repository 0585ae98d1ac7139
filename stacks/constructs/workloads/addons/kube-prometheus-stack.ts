import type { Release } from '@cdktf/provider-helm/lib/release/index.js';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { type ChartSpec, chartRelease } from './chart-release.js';
import { CHART_CONTAINER_SECURITY_CONTEXT, CHART_POD_SECURITY_CONTEXT, guaranteed } from './pod-security.js';

const PROMETHEUS_PORT = 9090;

/**
 * Scrapes the pods of `namespace` that carry prometheus.io/scrape, path and port annotations,
 * labelled with their namespace and pod so the Prometheus Adapter can map series to pods.
 */
export function podAnnotationScrapeJob(namespace: string) {
  return {
    job_name: `${namespace}-pods`,
    kubernetes_sd_configs: [{ role: 'pod', namespaces: { names: [namespace] } }],
    relabel_configs: [
      {
        source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_scrape'],
        action: 'keep',
        regex: 'true',
      },
      {
        source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_path'],
        action: 'replace',
        regex: '(.+)',
        target_label: '__metrics_path__',
      },
      {
        source_labels: ['__address__', '__meta_kubernetes_pod_annotation_prometheus_io_port'],
        action: 'replace',
        regex: '([^:]+)(?::\\d+)?;(\\d+)',
        replacement: '$1:$2',
        target_label: '__address__',
      },
      { source_labels: ['__meta_kubernetes_namespace'], action: 'replace', target_label: 'namespace' },
      { source_labels: ['__meta_kubernetes_pod_name'], action: 'replace', target_label: 'pod' },
      {
        source_labels: ['__meta_kubernetes_pod_label_app_kubernetes_io_instance'],
        action: 'replace',
        target_label: 'deployment',
      },
    ],
  };
}

export interface PrometheusStack {
  release: Release;
  /** In-cluster URL of the Prometheus server, without the port. */
  url: string;
  port: number;
}

/**
 * Prometheus (operator, node exporter, kube-state-metrics, Alertmanager). Grafana is off: its chart
 * default ships a well-known admin password, and CloudWatch is the platform's console.
 */
export interface PrometheusStorage {
  retention: string;
  /** Size of each replica's volume, e.g. 50Gi. */
  volumeSize: string;
}

/**
 * EKS clusters since 1.30 mark no StorageClass as the default; gp2 (EBS, through the EBS CSI
 * driver add-on) exists in every cluster.
 */
const STORAGE_CLASS = 'gp2';

export function addKubePrometheusStack(
  scope: Construct,
  chart: ChartSpec,
  appNamespace: string,
  storage: PrometheusStorage,
  dependsOn: ITerraformDependable[],
): PrometheusStack {
  const release = chartRelease(
    scope,
    'kube-prometheus-stack',
    chart,
    {
      fullnameOverride: chart.chart,
      grafana: { enabled: false },
      prometheusOperator: {
        securityContext: CHART_POD_SECURITY_CONTEXT,
        containerSecurityContext: CHART_CONTAINER_SECURITY_CONTEXT,
        resources: guaranteed('100m', '256Mi'),
        admissionWebhooks: {
          patch: { securityContext: CHART_POD_SECURITY_CONTEXT, resources: guaranteed('50m', '64Mi') },
          createSecretJob: { securityContext: CHART_CONTAINER_SECURITY_CONTEXT },
          patchWebhookJob: { securityContext: CHART_CONTAINER_SECURITY_CONTEXT },
        },
      },
      'kube-state-metrics': {
        securityContext: CHART_POD_SECURITY_CONTEXT,
        containerSecurityContext: CHART_CONTAINER_SECURITY_CONTEXT,
        resources: guaranteed('100m', '256Mi'),
      },
      // node-exporter reads the node's /proc, /sys and filesystems from the host's PID and network
      // namespaces by design (policies/suppressions.yaml); everything else about it is restricted.
      'prometheus-node-exporter': {
        securityContext: CHART_POD_SECURITY_CONTEXT,
        containerSecurityContext: CHART_CONTAINER_SECURITY_CONTEXT,
        resources: guaranteed('50m', '64Mi'),
      },
      alertmanager: {
        alertmanagerSpec: {
          securityContext: CHART_POD_SECURITY_CONTEXT,
          resources: guaranteed('50m', '128Mi'),
        },
      },
      prometheus: {
        service: { port: PROMETHEUS_PORT },
        prometheusSpec: {
          // The operator gives its containers the restricted container context; the pod's is ours.
          securityContext: CHART_POD_SECURITY_CONTEXT,
          resources: guaranteed('1', '4Gi'),
          // The HPAs scale on http_requests_inflight through Prometheus: two replicas on their own
          // volumes keep the metric through a restart or a node drain.
          replicas: 2,
          storageSpec: {
            volumeClaimTemplate: {
              spec: {
                storageClassName: STORAGE_CLASS,
                accessModes: ['ReadWriteOnce'],
                resources: { requests: { storage: storage.volumeSize } },
              },
            },
          },
          retention: storage.retention,
          // Pick up every ServiceMonitor and PodMonitor, not only those labelled for this release.
          serviceMonitorSelectorNilUsesHelmValues: false,
          podMonitorSelectorNilUsesHelmValues: false,
          additionalScrapeConfigs: [podAnnotationScrapeJob(appNamespace)],
        },
      },
    },
    dependsOn,
  );
  return { release, url: `http://${chart.chart}-prometheus.${chart.namespace}.svc`, port: PROMETHEUS_PORT };
}
