import type { Resource } from '../../engine/model.js';
import { combine, pass, unknown, type Verdict } from '../../engine/model.js';
import { blocks, list, stringMap, valueAt } from '../../engine/values.js';
import { helmPods } from './helm-pods.js';

export const DEPLOYMENT_TYPES = ['kubernetes_deployment_v1', 'kubernetes_deployment'] as const;
export const JOB_TYPES = ['kubernetes_job_v1', 'kubernetes_job'] as const;
export const PDB_TYPES = ['kubernetes_pod_disruption_budget_v1', 'kubernetes_pod_disruption_budget'] as const;
/** Resources whose pod template Terraform writes itself. */
export const POD_TEMPLATE_TYPES = [...DEPLOYMENT_TYPES, ...JOB_TYPES] as const;
/** Every resource that creates pods: pod templates, and Helm releases of the charts in helm-charts.ts. */
export const POD_TYPES = [...POD_TEMPLATE_TYPES, 'helm_release'] as const;

export function namespaceOf(resource: Resource): string {
  const namespace = valueAt(resource.values, 'metadata.namespace');
  return typeof namespace === 'string' && namespace !== '' ? namespace : 'default';
}

/** The labels the Deployment's pods carry. */
export function podLabels(deployment: Resource): Record<string, string> {
  return stringMap(valueAt(deployment.values, 'spec.template.metadata.labels'));
}

/** The app containers of a pod template (not its init containers). */
export function containersOf(workload: Resource): Record<string, unknown>[] {
  return blocks(valueAt(workload.values, 'spec.template.spec.container'));
}

/**
 * One pod a resource creates, as its Terraform pod spec (snake_case): a Deployment's or Job's
 * template, or one component of a Helm chart built from the release's values over the chart's defaults.
 */
export interface PodView {
  /** Prefix for findings: empty for a resource's own template, `<component>: ` for a chart's pod. */
  where: string;
  spec: Record<string, unknown>;
  labels: Record<string, string>;
}

export type PodsRead = { pods: PodView[] } | { unreadable: string };

export function podsOf(resource: Resource): PodsRead {
  if (resource.type === 'helm_release') return helmPods(resource);
  const spec = blocks(valueAt(resource.values, 'spec.template.spec'))[0];
  if (!spec) return { pods: [] };
  return { pods: [{ where: '', spec, labels: podLabels(resource) }] };
}

export interface ContainerView {
  container: Record<string, unknown>;
  /** `container business`, `init container wait-for-db`. */
  label: string;
}

/** Init containers, then app containers: both run the image with the pod's privileges. */
export function allContainers(pod: PodView): ContainerView[] {
  const named = (kind: string) => (container: Record<string, unknown>) => ({
    container,
    label: `${pod.where}${kind} ${String(container.name ?? '(unnamed)')}`,
  });
  return [
    ...blocks(pod.spec.init_container).map(named('init container')),
    ...blocks(pod.spec.container).map(named('container')),
  ];
}

/** A pod-level check over every pod the resource creates; a chart that cannot be read is unknown. */
export function checkPods(resource: Resource, check: (pod: PodView) => Verdict): Verdict {
  const read = podsOf(resource);
  if ('unreadable' in read) return unknown(read.unreadable);
  return read.pods.length === 0 ? pass() : combine(read.pods.map(check));
}

/** A container-level check over every container (init containers too) of every pod. */
export function checkContainers(
  resource: Resource,
  check: (view: ContainerView, pod: PodView) => Verdict,
): Verdict {
  return checkPods(resource, (pod) => combine(allContainers(pod).map((view) => check(view, pod))));
}

/** A security-context field, read from the container and then, where Kubernetes allows it, the pod. */
export function securityContextValue(
  view: ContainerView,
  pod: PodView,
  field: string,
  inheritedFromPod: boolean,
): unknown {
  const own = valueAt(view.container, ['security_context', field]);
  if (own !== undefined || !inheritedFromPod) return own;
  return valueAt(pod.spec, ['security_context', field]);
}

/** Booleans come through as JSON booleans, or as strings from Helm `set` entries. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

export function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

/** `security_context.capabilities.add`, upper-case and without the CAP_ prefix. */
export function addedCapabilities(view: ContainerView): string[] {
  return list(valueAt(view.container, 'security_context.capabilities.add')).map((capability) =>
    String(capability).toUpperCase().replace(/^CAP_/, ''),
  );
}

/** The tag of an image reference (`repo:tag`), undefined when none: a registry port is not a tag. */
export function imageTag(image: string): string | undefined {
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  return colon === -1 ? undefined : name.slice(colon + 1);
}
