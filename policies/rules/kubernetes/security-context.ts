import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { isRecord } from '../../engine/values.js';
import { allContainers, checkPods, POD_TYPES } from './workload.js';

const declared = (value: unknown) =>
  (Array.isArray(value) ? value.some(isRecord) : isRecord(value)) &&
  Object.keys(Array.isArray(value) ? value[0] : value).length > 0;

export const podSecurityContext = defineRule({
  id: 'pod-security-context',
  title: 'Pods and their containers declare a security context',
  severity: 'medium',
  resourceTypes: POD_TYPES,
  anchors: ['CKV_K8S_29', 'CKV_K8S_30'],
  help: "Without a security context a pod runs with the image's user and the runtime's defaults, which are permissive. Declare security_context on the pod (run_as_non_root, run_as_user, seccomp_profile) and on every container and init container (allow_privilege_escalation, read_only_root_filesystem, capabilities).",
  check(resource) {
    return checkPods(resource, (pod) => {
      const missing = [
        ...(declared(pod.spec.security_context) ? [] : [`${pod.where}the pod has no security_context`]),
        ...allContainers(pod)
          .filter((view) => !declared(view.container.security_context))
          .map((view) => `${view.label} has no security_context`),
      ];
      return missing.length === 0 ? pass() : fail(...missing);
    });
  },
});
