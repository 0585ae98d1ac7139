/**
 * Where each Helm chart the stacks install configures its pods, and what the chart sets there when
 * our values leave a key out, at the chart version the platform spec pins. The Kubernetes rules read
 * a chart's pods from these paths in the release's `values` (and `set`), merged over the defaults,
 * so a rule sees the security context and resources the pods will actually get.
 *
 * Defaults were read from each chart's values.yaml at the pinned tag (metrics-server-helm-chart-3.12.2,
 * prometheus-adapter-4.11.0, kube-prometheus-stack-67.8.0 with kube-state-metrics 5.28.1 and
 * prometheus-node-exporter 4.43.1, aws-load-balancer-controller 1.11.0, external-secrets helm-chart-0.18.2,
 * cluster-autoscaler-chart-9.47.0). A release of another chart or version cannot be evaluated
 * until it is described here.
 */

export interface ChartPodDefaults {
  podSecurityContext?: Record<string, unknown>;
  containerSecurityContext?: Record<string, unknown>;
  resources?: Record<string, unknown>;
  hostNetwork?: boolean;
  hostPid?: boolean;
}

export interface ChartPod {
  /** The component's name in findings, e.g. `controller`, `node-exporter`. */
  component: string;
  /** Values path of a boolean that switches the component on; absent: always on. */
  enabledBy?: { path: string; default: boolean };
  /** Values paths (dot-separated); a component without one does not expose that setting. */
  podSecurityContext?: string;
  /** One path per container of the pod. */
  containerSecurityContext?: readonly string[];
  resources?: string;
  hostNetwork?: string;
  hostPid?: string;
  /** Node paths the chart mounts as hostPath volumes, each with the values switch that turns it on. */
  hostPaths?: readonly { path: string; enabledBy?: { path: string; default: boolean } }[];
  /** What the chart (or, where noted, the operator that renders the pod) sets when our values do not. */
  defaults: ChartPodDefaults;
}

export interface ChartDescription {
  version: string;
  pods: readonly ChartPod[];
}

const RESTRICTED_CONTAINER = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};
const RUNTIME_DEFAULT = { seccompProfile: { type: 'RuntimeDefault' } };

/** UID and GID 65534 (nobody), the runtime's seccomp profile: several charts' pod default. */
const NOBODY_POD = {
  fsGroup: 65534,
  runAsGroup: 65534,
  runAsNonRoot: true,
  runAsUser: 65534,
  ...RUNTIME_DEFAULT,
};

/** The restricted container context with the chart's own non-root UID. */
function restrictedAs(uid: number) {
  return { ...RESTRICTED_CONTAINER, ...RUNTIME_DEFAULT, runAsNonRoot: true, runAsUser: uid };
}

/**
 * prometheus-operator writes the restricted container context into every container of the
 * Prometheus and Alertmanager pods it renders; the chart exposes only the pod's.
 */
const OPERATOR_RENDERED_POD = {
  /** kube-prometheus-stack's default for both prometheusSpec and alertmanagerSpec. */
  podSecurityContext: {
    runAsGroup: 2000,
    runAsNonRoot: true,
    runAsUser: 1000,
    fsGroup: 2000,
    ...RUNTIME_DEFAULT,
  },
  containerSecurityContext: RESTRICTED_CONTAINER,
};

export const HELM_CHARTS: Readonly<Record<string, ChartDescription>> = {
  'metrics-server': {
    version: '3.12.2',
    pods: [
      {
        component: 'metrics-server',
        podSecurityContext: 'podSecurityContext',
        containerSecurityContext: ['securityContext'],
        resources: 'resources',
        hostNetwork: 'hostNetwork.enabled',
        defaults: {
          podSecurityContext: {},
          containerSecurityContext: restrictedAs(1000),
          resources: { requests: { cpu: '100m', memory: '200Mi' } },
          hostNetwork: false,
        },
      },
    ],
  },
  'prometheus-adapter': {
    version: '4.11.0',
    pods: [
      {
        component: 'prometheus-adapter',
        podSecurityContext: 'podSecurityContext',
        containerSecurityContext: ['securityContext'],
        resources: 'resources',
        hostNetwork: 'hostNetwork.enabled',
        defaults: {
          podSecurityContext: { fsGroup: 10001 },
          containerSecurityContext: restrictedAs(10001),
          resources: {},
          hostNetwork: false,
        },
      },
    ],
  },
  'aws-load-balancer-controller': {
    version: '1.11.0',
    pods: [
      {
        component: 'controller',
        podSecurityContext: 'podSecurityContext',
        containerSecurityContext: ['securityContext'],
        resources: 'resources',
        hostNetwork: 'hostNetwork',
        defaults: {
          podSecurityContext: { fsGroup: 65534 },
          containerSecurityContext: {
            readOnlyRootFilesystem: true,
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
          },
          resources: {},
          hostNetwork: false,
        },
      },
    ],
  },
  'cluster-autoscaler': {
    version: '9.47.0',
    pods: [
      {
        component: 'cluster-autoscaler',
        podSecurityContext: 'securityContext',
        containerSecurityContext: ['containerSecurityContext'],
        resources: 'resources',
        hostNetwork: 'hostNetwork',
        defaults: { podSecurityContext: {}, containerSecurityContext: {}, resources: {}, hostNetwork: false },
      },
    ],
  },
  'external-secrets': {
    version: '0.18.2',
    pods: (['', 'webhook.', 'certController.'] as const).map((prefix) => ({
      component: prefix === '' ? 'controller' : prefix.slice(0, -1),
      ...(prefix === '' ? {} : { enabledBy: { path: `${prefix}create`, default: true } }),
      podSecurityContext: `${prefix}podSecurityContext`,
      containerSecurityContext: [`${prefix}securityContext`],
      resources: `${prefix}resources`,
      hostNetwork: `${prefix}hostNetwork`,
      defaults: {
        podSecurityContext: {},
        containerSecurityContext: restrictedAs(1000),
        resources: {},
        hostNetwork: false,
      },
    })),
  },
  'kube-prometheus-stack': {
    version: '67.8.0',
    pods: [
      {
        component: 'prometheus-operator',
        enabledBy: { path: 'prometheusOperator.enabled', default: true },
        podSecurityContext: 'prometheusOperator.securityContext',
        containerSecurityContext: ['prometheusOperator.containerSecurityContext'],
        resources: 'prometheusOperator.resources',
        hostNetwork: 'prometheusOperator.hostNetwork',
        defaults: {
          podSecurityContext: NOBODY_POD,
          containerSecurityContext: RESTRICTED_CONTAINER,
          resources: {},
          hostNetwork: false,
        },
      },
      {
        component: 'admission-webhook',
        enabledBy: { path: 'prometheusOperator.admissionWebhooks.deployment.enabled', default: false },
        podSecurityContext: 'prometheusOperator.admissionWebhooks.deployment.securityContext',
        containerSecurityContext: [
          'prometheusOperator.admissionWebhooks.deployment.containerSecurityContext',
        ],
        resources: 'prometheusOperator.admissionWebhooks.deployment.resources',
        hostNetwork: 'prometheusOperator.admissionWebhooks.deployment.hostNetwork',
        defaults: {
          podSecurityContext: NOBODY_POD,
          containerSecurityContext: RESTRICTED_CONTAINER,
          resources: {},
          hostNetwork: false,
        },
      },
      {
        component: 'admission-webhook-jobs',
        enabledBy: { path: 'prometheusOperator.admissionWebhooks.patch.enabled', default: true },
        podSecurityContext: 'prometheusOperator.admissionWebhooks.patch.securityContext',
        containerSecurityContext: [
          'prometheusOperator.admissionWebhooks.createSecretJob.securityContext',
          'prometheusOperator.admissionWebhooks.patchWebhookJob.securityContext',
        ],
        resources: 'prometheusOperator.admissionWebhooks.patch.resources',
        defaults: {
          podSecurityContext: { runAsGroup: 2000, runAsNonRoot: true, runAsUser: 2000, ...RUNTIME_DEFAULT },
          containerSecurityContext: RESTRICTED_CONTAINER,
          resources: {},
        },
      },
      {
        component: 'prometheus',
        enabledBy: { path: 'prometheus.enabled', default: true },
        podSecurityContext: 'prometheus.prometheusSpec.securityContext',
        resources: 'prometheus.prometheusSpec.resources',
        hostNetwork: 'prometheus.prometheusSpec.hostNetwork',
        defaults: {
          ...OPERATOR_RENDERED_POD,
          resources: {},
          hostNetwork: false,
        },
      },
      {
        component: 'alertmanager',
        enabledBy: { path: 'alertmanager.enabled', default: true },
        podSecurityContext: 'alertmanager.alertmanagerSpec.securityContext',
        resources: 'alertmanager.alertmanagerSpec.resources',
        defaults: {
          ...OPERATOR_RENDERED_POD,
          resources: {},
        },
      },
      {
        component: 'kube-state-metrics',
        enabledBy: { path: 'kubeStateMetrics.enabled', default: true },
        podSecurityContext: 'kube-state-metrics.securityContext',
        containerSecurityContext: ['kube-state-metrics.containerSecurityContext'],
        resources: 'kube-state-metrics.resources',
        hostNetwork: 'kube-state-metrics.hostNetwork',
        defaults: {
          podSecurityContext: NOBODY_POD,
          containerSecurityContext: RESTRICTED_CONTAINER,
          resources: {},
          hostNetwork: false,
        },
      },
      {
        component: 'node-exporter',
        enabledBy: { path: 'nodeExporter.enabled', default: true },
        podSecurityContext: 'prometheus-node-exporter.securityContext',
        containerSecurityContext: ['prometheus-node-exporter.containerSecurityContext'],
        resources: 'prometheus-node-exporter.resources',
        hostNetwork: 'prometheus-node-exporter.hostNetwork',
        hostPid: 'prometheus-node-exporter.hostPID',
        hostPaths: [
          {
            path: '/',
            enabledBy: { path: 'prometheus-node-exporter.hostRootFsMount.enabled', default: true },
          },
          { path: '/proc' },
          { path: '/sys' },
        ],
        defaults: {
          podSecurityContext: { fsGroup: 65534, runAsGroup: 65534, runAsNonRoot: true, runAsUser: 65534 },
          containerSecurityContext: { readOnlyRootFilesystem: true },
          resources: {},
          hostNetwork: true,
          hostPid: true,
        },
      },
    ],
  },
};
