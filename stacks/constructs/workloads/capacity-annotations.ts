import type { CapacityPlan, DeploymentPlan } from '../../../calculators/plan-types.js';

export const EFFECTIVE_RPS_ANNOTATION = 'capacity.promptsales.io/effective-rps-per-pod';
export const PEAK_RPS_ANNOTATION = 'capacity.promptsales.io/peak-rps';

const CENTS = 100;

/**
 * The figures a policy checks an HPA against (max replicas × effective req/s ≥ peak req/s), written
 * on the HPA itself. Rounded against the check: the effective rate down, the peak up.
 */
export function capacityAnnotations(plan: CapacityPlan, deployment: DeploymentPlan): Record<string, string> {
  const effective = Math.floor(plan.scalability.effectivePerPodRps.value * CENTS) / CENTS;
  const peak = Math.ceil(deployment.peakRps * CENTS) / CENTS;
  return {
    [EFFECTIVE_RPS_ANNOTATION]: String(effective),
    [PEAK_RPS_ANNOTATION]: String(peak),
  };
}
