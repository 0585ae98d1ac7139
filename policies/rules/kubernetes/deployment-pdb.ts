import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { stringMap, valueAt } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';
import { DEPLOYMENT_TYPES, namespaceOf, PDB_TYPES, podLabels } from './workload.js';

export const deploymentPdb = defineRule({
  id: 'deployment-pdb',
  title: 'Every Deployment has a PodDisruptionBudget',
  severity: 'high',
  resourceTypes: DEPLOYMENT_TYPES,
  requirement: REQUIREMENTS.availability,
  anchors: [],
  help: 'Node upgrades and scale-downs evict pods; without a PodDisruptionBudget they may evict every replica at once. Add a kubernetes_pod_disruption_budget_v1 in the same namespace whose selector.match_labels match the pod template labels.',
  check(deployment, context) {
    const labels = podLabels(deployment);
    const namespace = namespaceOf(deployment);
    let undecidable = false;
    for (const pdb of PDB_TYPES.flatMap((type) => context.ofType(type))) {
      if (namespaceOf(pdb) !== namespace) continue;
      const selector = stringMap(valueAt(pdb.values, 'spec.selector.match_labels'));
      const entries = Object.entries(selector);
      if (entries.length === 0) {
        if (valueAt(pdb.values, 'spec.selector.match_expressions') !== undefined) undecidable = true;
        continue;
      }
      if (entries.some(([, value]) => value.includes('${'))) undecidable = true;
      else if (entries.every(([key, value]) => labels[key] === value)) return pass();
    }
    if (undecidable)
      return unknown(
        'a PodDisruptionBudget selector in the namespace cannot be matched from the synthesized output',
      );
    return fail(`no PodDisruptionBudget in namespace ${namespace} selects the Deployment's pods`);
  },
});
