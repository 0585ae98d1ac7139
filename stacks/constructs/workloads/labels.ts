import type { DeploymentPlan } from '../../../calculators/plan-types.js';

export const PART_OF = 'promptsales';

/** The labels that pick one deployment's pods: its Service, HPA, PDB and spread constraints use them. */
export function selectorLabels(deployment: DeploymentPlan): Record<string, string> {
  return {
    'app.kubernetes.io/name': deployment.service,
    'app.kubernetes.io/instance': deployment.name,
  };
}

export function deploymentLabels(deployment: DeploymentPlan): Record<string, string> {
  return {
    ...selectorLabels(deployment),
    'app.kubernetes.io/version': `v${deployment.version}`,
    'app.kubernetes.io/component': 'api',
    'app.kubernetes.io/part-of': PART_OF,
    'app.kubernetes.io/managed-by': 'terraform',
  };
}
