import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { addedCapabilities, checkContainers, POD_TYPES } from './workload.js';

export const containerNoSysAdmin = defineRule({
  id: 'container-no-sys-admin',
  title: 'No container adds CAP_SYS_ADMIN',
  severity: 'high',
  resourceTypes: POD_TYPES,
  anchors: ['CKV_K8S_39'],
  help: 'CAP_SYS_ADMIN lets a process mount filesystems, use namespaces and much of what root can: most container escapes need it. Never add SYS_ADMIN to security_context.capabilities.add.',
  check(resource) {
    return checkContainers(resource, (view) =>
      addedCapabilities(view).some((capability) => capability === 'SYS_ADMIN')
        ? fail(`${view.label} adds SYS_ADMIN`)
        : pass(),
    );
  },
});
