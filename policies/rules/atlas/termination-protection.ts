import { expectTrue } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const atlasTerminationProtection = defineRule({
  id: 'atlas-termination-protection',
  title: 'Atlas clusters have termination protection',
  severity: 'high',
  resourceTypes: ['mongodbatlas_advanced_cluster'],
  requirement: REQUIREMENTS.backups,
  anchors: [],
  help: 'Set termination_protection_enabled = true, so that a mistaken destroy cannot delete the cluster (Atlas deletes its cloud backups with it unless retained).',
  check: (cluster, context) => expectTrue(context, cluster.values, 'termination_protection_enabled'),
});
