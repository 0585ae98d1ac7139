import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';
import { checkContainers, POD_TYPES, securityContextValue } from './workload.js';

const CONFINED = ['RuntimeDefault', 'Localhost'];

export const podSeccompProfile = defineRule({
  id: 'pod-seccomp-profile',
  title: "Containers run under the runtime's default seccomp profile (or a local one)",
  severity: 'medium',
  resourceTypes: POD_TYPES,
  anchors: ['CKV_K8S_31'],
  help: 'Kubernetes runs containers Unconfined unless a seccomp profile is set, leaving every system call open to an exploit. Set security_context.seccomp_profile.type = RuntimeDefault on the pod (or Localhost with a profile on each container), as the Pod Security Standards restricted profile requires.',
  check(resource) {
    return checkContainers(resource, (view, pod) => {
      const profile = securityContextValue(view, pod, 'seccomp_profile', true);
      const type = valueAt(profile, 'type');
      return CONFINED.includes(String(type))
        ? pass()
        : fail(
            `${view.label} has seccomp profile ${type === undefined ? 'unset (Unconfined)' : String(type)}`,
          );
    });
  },
});
