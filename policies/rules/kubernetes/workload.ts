import type { Resource } from '../../engine/model.js';
import { blocks, stringMap, valueAt } from '../../engine/values.js';

export const DEPLOYMENT_TYPES = ['kubernetes_deployment_v1', 'kubernetes_deployment'] as const;
export const PDB_TYPES = ['kubernetes_pod_disruption_budget_v1', 'kubernetes_pod_disruption_budget'] as const;

export function namespaceOf(resource: Resource): string {
  const namespace = valueAt(resource.values, 'metadata.namespace');
  return typeof namespace === 'string' && namespace !== '' ? namespace : 'default';
}

/** The labels the Deployment's pods carry. */
export function podLabels(deployment: Resource): Record<string, string> {
  return stringMap(valueAt(deployment.values, 'spec.template.metadata.labels'));
}

export function containersOf(deployment: Resource): Record<string, unknown>[] {
  return blocks(valueAt(deployment.values, 'spec.template.spec.container'));
}
