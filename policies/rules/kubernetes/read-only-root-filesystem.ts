import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { checkContainers, isTrue, POD_TYPES, securityContextValue } from './workload.js';

export const containerReadOnlyRootFilesystem = defineRule({
  id: 'container-read-only-root-filesystem',
  title: 'Containers mount their root filesystem read-only',
  severity: 'medium',
  resourceTypes: POD_TYPES,
  anchors: ['CKV_K8S_22'],
  help: 'An attacker who gets code execution cannot then replace binaries or drop tools into a read-only image. Set security_context.read_only_root_filesystem = true on every container and init container, and mount an emptyDir (with a size_limit) where the process must write, such as /tmp.',
  check(resource) {
    return checkContainers(resource, (view, pod) =>
      isTrue(securityContextValue(view, pod, 'read_only_root_filesystem', false))
        ? pass()
        : fail(`${view.label} has a writable root filesystem`),
    );
  },
});
