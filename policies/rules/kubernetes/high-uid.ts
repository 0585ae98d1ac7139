import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { checkContainers, POD_TYPES, securityContextValue } from './workload.js';

export const podRunsAsHighUid = defineRule({
  id: 'pod-runs-as-high-uid',
  title: 'Containers run as a UID of 10000 or more',
  severity: 'low',
  resourceTypes: POD_TYPES,
  anchors: ['CKV_K8S_40'],
  parameters: { minimumUid: 10000 },
  help: "UIDs below 10000 are the ones a node's own accounts use; a process that escapes its container with such a UID acts as that host account. Set run_as_user to at least 10000 on the pod or the container (the images' files are root-owned and world-readable, so any UID can run them).",
  check(resource, _context, { minimumUid }) {
    return checkContainers(resource, (view, pod) => {
      const user = securityContextValue(view, pod, 'run_as_user', true);
      if (user === undefined)
        return fail(`${view.label} does not set run_as_user (the image's user applies)`);
      return Number(user) >= minimumUid ? pass() : fail(`${view.label} runs as UID ${String(user)}`);
    });
  },
});
