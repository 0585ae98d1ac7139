import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { addedCapabilities, checkContainers, POD_TYPES } from './workload.js';

export const containerNoAddedCapabilities = defineRule({
  id: 'container-no-added-capabilities',
  title: 'Containers add no Linux capability',
  severity: 'medium',
  resourceTypes: POD_TYPES,
  anchors: ['CKV_K8S_25'],
  help: 'Every capability added back widens what a compromised process can do to the node. Leave security_context.capabilities.add empty; a service that must bind a port below 1024 should listen on a high port behind its Service instead.',
  check(resource) {
    return checkContainers(resource, (view) => {
      const added = addedCapabilities(view);
      return added.length === 0 ? pass() : fail(`${view.label} adds ${added.join(', ')}`);
    });
  },
});
