import type { Resource } from '../../engine/model.js';
import { blocks, isRecord, list, valueAt } from '../../engine/values.js';
import { type ChartPod, HELM_CHARTS } from './helm-charts.js';
import type { PodsRead, PodView } from './workload.js';

/**
 * The pods of a Helm release, each as a Terraform-shaped pod spec: the chart's defaults at the
 * pinned version (helm-charts.ts) with the release's `values` documents merged over them in order,
 * then its `set` entries, as Helm merges them. Only the chart-exposed settings the rules read are
 * built: pod and container security contexts, resources, host namespaces and hostPath volumes.
 */
// Every Kubernetes rule reads the same releases: their values are parsed and merged once.
const read = new WeakMap<Resource, PodsRead>();

export function helmPods(release: Resource): PodsRead {
  let pods = read.get(release);
  if (!pods) {
    pods = readHelmPods(release);
    read.set(release, pods);
  }
  return pods;
}

function readHelmPods(release: Resource): PodsRead {
  const chart = String(release.values.chart ?? '');
  const description = HELM_CHARTS[chart];
  if (!description) {
    return {
      unreadable: `chart ${chart} is not described in policies/rules/kubernetes/helm-charts.ts, so its pods cannot be evaluated`,
    };
  }
  const version = String(release.values.version ?? '');
  if (version !== description.version) {
    return {
      unreadable: `chart ${chart} ${version || '(no version)'}: its defaults are recorded for ${description.version} only`,
    };
  }
  const values = releaseValues(release);
  if (typeof values === 'string') return { unreadable: values };
  return {
    pods: description.pods.filter((pod) => enabled(values, pod.enabledBy)).map((pod) => podView(pod, values)),
  };
}

function enabled(values: Record<string, unknown>, switch_?: { path: string; default: boolean }): boolean {
  if (!switch_) return true;
  const value = valueAt(values, switch_.path.split('.'));
  return value === undefined ? switch_.default : value === true || value === 'true';
}

function podView(pod: ChartPod, values: Record<string, unknown>): PodView {
  const read = (path: string | undefined, fallback: unknown) =>
    path === undefined ? fallback : merge(fallback, valueAt(values, path.split('.')));
  const securityContext = (path: string | undefined, fallback: unknown) =>
    snakeKeys(withoutSwitch(read(path, fallback ?? {})));
  const containerPaths = pod.containerSecurityContext ?? [undefined];
  const hostPaths = (pod.hostPaths ?? []).filter((mount) => enabled(values, mount.enabledBy));
  const spec: Record<string, unknown> = {
    security_context: securityContext(pod.podSecurityContext, pod.defaults.podSecurityContext),
    host_network: read(pod.hostNetwork, pod.defaults.hostNetwork ?? false),
    host_pid: read(pod.hostPid, pod.defaults.hostPid ?? false),
    container: containerPaths.map((path, index) => ({
      name: containerPaths.length > 1 ? `${pod.component}-${index + 1}` : pod.component,
      security_context: securityContext(path, pod.defaults.containerSecurityContext),
      resources: read(pod.resources, pod.defaults.resources ?? {}),
    })),
    volume: hostPaths.map((mount, index) => ({ name: `host-${index}`, host_path: { path: mount.path } })),
  };
  return { where: `${pod.component}: `, spec, labels: {} };
}

/** The merged `values` documents and `set` entries, or why they cannot be read. */
function releaseValues(release: Resource): Record<string, unknown> | string {
  let merged: unknown = {};
  for (const document of list(release.values.values)) {
    if (typeof document !== 'string') return 'a values document is not a string';
    let parsed: unknown;
    try {
      parsed = JSON.parse(document);
    } catch {
      return 'a values document is not JSON (the stacks write values as JSON), so it cannot be read';
    }
    merged = merge(merged, parsed);
  }
  const result = isRecord(merged) ? merged : {};
  for (const entry of blocks(release.values.set)) {
    const name = String(entry.name ?? '');
    if (name.includes('\\') || name.includes('['))
      return `set ${name}: escaped or indexed names are not read`;
    setAt(result, name.split('.'), entry.value);
  }
  return result;
}

/** Helm's merge: maps merge key by key, anything else replaces, and null removes the key. */
function merge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isRecord(base) || !isRecord(override)) return override;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete result[key];
    else result[key] = merge(base[key], value);
  }
  return result;
}

function setAt(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let current = target;
  for (const key of keys.slice(0, -1)) {
    if (!isRecord(current[key])) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  const last = keys.at(-1);
  if (last) current[last] = value;
}

/** Charts such as external-secrets render a security context only while its `enabled` is not false. */
function withoutSwitch(context: unknown): unknown {
  if (!isRecord(context)) return context;
  if (context.enabled === false) return {};
  const { enabled: _switch, ...rest } = context;
  return rest;
}

function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [
      key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
      snakeKeys(entry),
    ]),
  );
}
