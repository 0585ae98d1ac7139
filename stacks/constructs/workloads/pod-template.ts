import type { DeploymentV1SpecTemplateSpec } from '@cdktf/provider-kubernetes/lib/deployment-v1/index.js';
import type { DeploymentPlan } from '../../../calculators/plan-types.js';
import type { PodRuntimeSpec } from '../../../config/schema/edge-workloads.js';
import { selectorLabels } from './labels.js';

export const HTTP_PORT_NAME = 'http';
const TMP_VOLUME = 'tmp';

function httpProbe(probe: PodRuntimeSpec['liveness']) {
  return {
    httpGet: { path: probe.path, port: HTTP_PORT_NAME },
    periodSeconds: probe.periodSeconds,
    timeoutSeconds: probe.timeoutSeconds,
    failureThreshold: probe.failureThreshold,
  };
}

/** Prometheus scrapes every pod that carries these (kube-prometheus-stack's pod-annotation job). */
export function scrapeAnnotations(
  deployment: DeploymentPlan,
  runtime: PodRuntimeSpec,
): Record<string, string> {
  return {
    'prometheus.io/scrape': 'true',
    'prometheus.io/port': String(deployment.port),
    'prometheus.io/path': runtime.metricsPath,
  };
}

/**
 * One API pod: the plan's image and resources (requests = limits, Guaranteed QoS, one pod per node
 * as the plan sizes it), probes against the service kit's endpoints, the restricted Pod Security
 * profile, and an even spread over zones and nodes.
 */
/** Where one service's pods get their identity and environment from. */
export interface PodSources {
  /** ConfigMap of non-secret settings (see service-settings.ts). */
  settingsConfigMap?: string;
  /** Secret the External Secrets Operator renders (see service-secrets.ts). */
  secret?: string;
  /** The migration job's own Secret (master-user URL); listed last, so its DATABASE_URL wins. */
  migrationSecret?: string;
  serviceAccount?: string;
}

/** The restricted Pod Security profile, as the pod's security context. */
export function podSecurityContext(runtime: PodRuntimeSpec) {
  return {
    runAsNonRoot: true,
    runAsUser: String(runtime.runAsUser),
    runAsGroup: String(runtime.runAsUser),
    fsGroup: String(runtime.runAsUser),
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

export const CONTAINER_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

/**
 * A digest names one content, so a node's cached copy is that image; a tag can move, so the node
 * asks the registry every time (and the registry checks the pod may pull it).
 */
export function pullPolicy(image: string | undefined): 'IfNotPresent' | 'Always' {
  return image?.includes('@') ? 'IfNotPresent' : 'Always';
}

export const TMP_MOUNT = { name: TMP_VOLUME, mountPath: '/tmp' };

export function tmpVolume(runtime: PodRuntimeSpec) {
  return { name: TMP_VOLUME, emptyDir: { sizeLimit: runtime.tmpSizeLimit } };
}

/** The ConfigMap, then the Secret: a key in both takes the Secret's value. */
export function envFromSources(sources: PodSources) {
  return [
    ...(sources.settingsConfigMap ? [{ configMapRef: { name: sources.settingsConfigMap } }] : []),
    ...(sources.secret ? [{ secretRef: { name: sources.secret } }] : []),
    ...(sources.migrationSecret ? [{ secretRef: { name: sources.migrationSecret } }] : []),
  ];
}

export function apiPodSpec(
  deployment: DeploymentPlan,
  runtime: PodRuntimeSpec,
  sources: PodSources = {},
): DeploymentV1SpecTemplateSpec {
  const envFrom = envFromSources(sources);
  const resources = { cpu: deployment.resources.cpu, memory: deployment.resources.memory };
  const spread = (topologyKey: string, whenUnsatisfiable: string) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable,
    labelSelector: [{ matchLabels: selectorLabels(deployment) }],
  });
  return {
    ...(sources.serviceAccount ? { serviceAccountName: sources.serviceAccount } : {}),
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    terminationGracePeriodSeconds: runtime.terminationGracePeriodSeconds,
    securityContext: podSecurityContext(runtime),
    topologySpreadConstraint: [
      spread('topology.kubernetes.io/zone', runtime.zoneSpread),
      spread('kubernetes.io/hostname', 'ScheduleAnyway'),
    ],
    container: [
      {
        name: deployment.service,
        image: deployment.image,
        imagePullPolicy: pullPolicy(deployment.image),
        port: [{ name: HTTP_PORT_NAME, containerPort: deployment.port, protocol: 'TCP' }],
        // The service kit listens on 127.0.0.1 unless told otherwise.
        env: [
          { name: 'HOST', value: '0.0.0.0' },
          { name: 'PORT', value: String(deployment.port) },
          // The capacity plan's process model: the service kit forks one process per requested CPU.
          { name: 'PROCESSES_PER_POD', value: String(deployment.processesPerPod) },
        ],
        envFrom: envFrom.length > 0 ? envFrom : undefined,
        resources: { requests: resources, limits: resources },
        startupProbe: httpProbe(runtime.startup),
        livenessProbe: httpProbe(runtime.liveness),
        readinessProbe: httpProbe(runtime.readiness),
        securityContext: CONTAINER_SECURITY_CONTEXT,
        volumeMount: [TMP_MOUNT],
      },
    ],
    volume: [tmpVolume(runtime)],
  };
}
