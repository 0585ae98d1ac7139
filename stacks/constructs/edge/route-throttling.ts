import type { CapacityPlan, DeploymentPlan } from '../../../calculators/plan-types.js';

/**
 * The steady request rate a route may take: what its deployment serves at its maximum replica
 * count (max replicas × effective req/s per pod). Past it the pods would only queue, so the
 * gateway answers 429 at once instead.
 */
export function routeRateLimit(plan: CapacityPlan, deployment: DeploymentPlan): number {
  return Math.floor(deployment.maxReplicas * plan.scalability.effectivePerPodRps.value);
}
