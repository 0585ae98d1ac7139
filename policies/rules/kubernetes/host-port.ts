import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';
import { checkContainers, POD_TYPES } from './workload.js';

export const podNoHostPort = defineRule({
  id: 'pod-no-host-port',
  title: 'Containers bind no host port',
  severity: 'medium',
  resourceTypes: POD_TYPES,
  anchors: ['CKV_K8S_26'],
  help: "A host_port opens the port on the node's own address, outside the Service and the ALB, and limits each node to one such pod. Expose containers through a Service instead and leave port.host_port unset (Pod Security Standards baseline).",
  check(resource) {
    return checkContainers(resource, (view) => {
      const bound = blocks(view.container.port).filter((port) => port.host_port !== undefined);
      return bound.length === 0
        ? pass()
        : fail(...bound.map((port) => `${view.label} binds host port ${String(port.host_port)}`));
    });
  },
});
