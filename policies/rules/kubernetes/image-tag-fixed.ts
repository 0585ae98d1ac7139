import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { checkContainers, imageTag, POD_TEMPLATE_TYPES } from './workload.js';

export const containerImageTagFixed = defineRule({
  id: 'container-image-tag-fixed',
  title: 'Container images name a version: a digest or a tag other than latest',
  severity: 'medium',
  resourceTypes: POD_TEMPLATE_TYPES,
  anchors: ['CKV_K8S_14'],
  help: 'An image without a tag is :latest, which changes under a running Deployment: two pods of one ReplicaSet can run different code, and a rollback returns to nothing known. Give every container image a digest (@sha256:…) or a version tag. Helm charts pin their images through the chart version.',
  check(workload) {
    return checkContainers(workload, (view) => {
      const image = String(view.container.image ?? '');
      if (image === '') return fail(`${view.label} names no image`);
      if (image.includes('@')) return pass();
      const tag = imageTag(image);
      return tag === undefined || tag === '' || tag === 'latest'
        ? fail(`${view.label} runs ${image}, which is :latest`)
        : pass();
    });
  },
});
