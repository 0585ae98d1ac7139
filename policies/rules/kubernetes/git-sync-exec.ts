import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';
import { checkContainers, POD_TEMPLATE_TYPES } from './workload.js';

export const containerNoGitSyncExec = defineRule({
  id: 'container-no-git-sync-exec',
  title: 'No git-sync container is told to run another binary as git',
  severity: 'medium',
  resourceTypes: POD_TEMPLATE_TYPES,
  anchors: ['CKV_K8S_159'],
  help: "git-sync runs whatever binary GITSYNC_GIT names in place of git: whoever can set that variable runs code with the sidecar's access to the repository credentials. Never set GITSYNC_GIT in a container's env.",
  check(workload) {
    return checkContainers(workload, (view) =>
      blocks(view.container.env).some((entry) => entry.name === 'GITSYNC_GIT')
        ? fail(`${view.label} sets GITSYNC_GIT`)
        : pass(),
    );
  },
});
