import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { checkContainers, isTrue, POD_TYPES, securityContextValue } from './workload.js';

export const podRunsAsNonRoot = defineRule({
  id: 'pod-runs-as-non-root',
  title: 'Containers must run as a non-root user',
  severity: 'high',
  resourceTypes: POD_TYPES,
  anchors: ['CKV_K8S_23'],
  help: "Root in a container is root on the node once anything breaks the isolation. Set run_as_non_root = true on the pod's or each container's security_context (the kubelet then refuses to start an image whose user is 0), and never run_as_user = 0 (Pod Security Standards restricted).",
  check(resource) {
    return checkContainers(resource, (view, pod) => {
      const user = securityContextValue(view, pod, 'run_as_user', true);
      if (user !== undefined && Number(user) === 0) return fail(`${view.label} runs as user 0`);
      return isTrue(securityContextValue(view, pod, 'run_as_non_root', true))
        ? pass()
        : fail(`${view.label} does not set run_as_non_root`);
    });
  },
});
