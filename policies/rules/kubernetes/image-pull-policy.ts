import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { checkContainers, POD_TEMPLATE_TYPES } from './workload.js';

export const containerImagePullPolicy = defineRule({
  id: 'container-image-pull-policy',
  title: 'Tagged images are pulled Always; digest-pinned ones may be cached',
  severity: 'low',
  resourceTypes: POD_TEMPLATE_TYPES,
  anchors: ['CKV_K8S_15'],
  help: `With IfNotPresent a node keeps running whatever it cached under a tag, even after the tag moved, and a pod skips the registry's authorisation check for an image another pod pulled. Set image_pull_policy = Always for images named by tag. An image pinned by digest (…@sha256:… or …@\${var.…}) names exactly one content, so IfNotPresent is safe for it and saves the pull (Checkov's CKV_K8S_15 passes digests likewise).`,
  check(workload) {
    return checkContainers(workload, (view) => {
      const image = String(view.container.image ?? '');
      const policy = view.container.image_pull_policy;
      if (policy === 'Always' || image.includes('@')) return pass();
      return fail(
        `${view.label} pulls the tagged image ${image} with ${policy === undefined ? 'the default IfNotPresent' : String(policy)}`,
      );
    });
  },
});
