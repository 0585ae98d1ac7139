import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { list, valueAt } from '../../engine/values.js';
import { checkContainers, POD_TYPES } from './workload.js';

export const containerDropsAllCapabilities = defineRule({
  id: 'container-drops-all-capabilities',
  title: 'Containers drop every Linux capability',
  severity: 'medium',
  resourceTypes: POD_TYPES,
  anchors: ['CKV_K8S_28', 'CKV_K8S_37'],
  help: "The runtime's default set still grants NET_RAW (forged packets, ARP spoofing on the node's network), CHOWN, SETUID and more. The Pod Security Standards restricted profile requires security_context.capabilities.drop to contain ALL on every container and init container; add back only NET_BIND_SERVICE where a port below 1024 is needed.",
  check(resource) {
    return checkContainers(resource, (view) => {
      const drop = list(valueAt(view.container, 'security_context.capabilities.drop')).map(String);
      return drop.some((capability) => capability.toUpperCase() === 'ALL')
        ? pass()
        : fail(`${view.label} does not drop ALL capabilities`);
    });
  },
});
