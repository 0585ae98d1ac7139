import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { checkContainers, isFalse, POD_TYPES, securityContextValue } from './workload.js';

export const containerNoPrivilegeEscalation = defineRule({
  id: 'container-no-privilege-escalation',
  title: 'Containers set allowPrivilegeEscalation to false',
  severity: 'high',
  resourceTypes: POD_TYPES,
  anchors: ['CKV_K8S_20'],
  help: 'Without no_new_privs a process can gain privileges through setuid binaries or file capabilities. Kubernetes allows escalation unless told otherwise, so the Pod Security Standards restricted profile requires security_context.allow_privilege_escalation = false on every container and init container; leaving it unset fails too.',
  check(resource) {
    return checkContainers(resource, (view, pod) => {
      const value = securityContextValue(view, pod, 'allow_privilege_escalation', false);
      if (isFalse(value)) return pass();
      return fail(
        value === undefined
          ? `${view.label} does not set allow_privilege_escalation (Kubernetes defaults to true)`
          : `${view.label} allows privilege escalation`,
      );
    });
  },
});
