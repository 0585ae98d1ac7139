/**
 * The annotation names under which the stacks write capacity-plan figures on each HPA, and which the
 * policy rule hpa-bounds reads back: the contract between the synthesized output and the policies.
 */
export const CAPACITY_ANNOTATIONS = {
  effectiveRpsPerPod: 'capacity.promptsales.io/effective-rps-per-pod',
  peakRps: 'capacity.promptsales.io/peak-rps',
} as const;
