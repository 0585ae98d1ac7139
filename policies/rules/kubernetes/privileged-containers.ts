import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { checkContainers, isTrue, POD_TYPES, securityContextValue } from './workload.js';

export const podNoPrivilegedContainers = defineRule({
  id: 'pod-no-privileged-containers',
  title: 'No container runs privileged',
  severity: 'high',
  resourceTypes: POD_TYPES,
  anchors: ['CKV_K8S_16'],
  help: 'A privileged container has every capability and the host devices: a compromise of it is a compromise of the node. Leave security_context.privileged unset or false on every container and init container (the Pod Security Standards baseline forbids it).',
  check(resource) {
    return checkContainers(resource, (view, pod) =>
      isTrue(securityContextValue(view, pod, 'privileged', false))
        ? fail(`${view.label} runs privileged`)
        : pass(),
    );
  },
});
