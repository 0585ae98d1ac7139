import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { checkPods, isTrue, POD_TYPES } from './workload.js';

const HOST_NAMESPACES = [
  ['host_pid', 'process ID'],
  ['host_ipc', 'IPC'],
  ['host_network', 'network'],
] as const;

export const podNoHostNamespaces = defineRule({
  id: 'pod-no-host-namespaces',
  title: "Pods do not share the host's PID, IPC or network namespace",
  severity: 'high',
  resourceTypes: POD_TYPES,
  anchors: ['CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_19'],
  help: "A pod in the host's PID namespace sees and can signal every process of the node; in its IPC namespace it reads the node's shared memory; in its network namespace it binds the node's ports and bypasses network policy. Leave host_pid, host_ipc and host_network unset or false (Pod Security Standards baseline). For a Helm chart, the chart's own value (e.g. hostNetwork) is read.",
  check(resource) {
    return checkPods(resource, (pod) => {
      const shared = HOST_NAMESPACES.filter(([field]) => isTrue(pod.spec[field]));
      return shared.length === 0
        ? pass()
        : fail(...shared.map(([field, name]) => `${pod.where}${field} shares the host's ${name} namespace`));
    });
  },
});
