import type { CapacityPlan, DeploymentPlan } from '../../../calculators/plan-types.js';
import { CAPACITY_ANNOTATIONS } from '../../../config/capacity-annotations.js';

const CENTS = 100;

/**
 * The figures a policy checks an HPA against (max replicas × effective req/s ≥ peak req/s), written
 * on the HPA itself. Rounded against the check: the effective rate down, the peak up.
 */
export function capacityAnnotations(plan: CapacityPlan, deployment: DeploymentPlan): Record<string, string> {
  const effective = Math.floor(plan.scalability.effectivePerPodRps.value * CENTS) / CENTS;
  const peak = Math.ceil(deployment.peakRps * CENTS) / CENTS;
  return {
    [CAPACITY_ANNOTATIONS.effectiveRpsPerPod]: String(effective),
    [CAPACITY_ANNOTATIONS.peakRps]: String(peak),
  };
}
