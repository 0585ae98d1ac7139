import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { stringMap, valueAt } from '../../engine/values.js';
import { allContainers, checkPods, POD_TEMPLATE_TYPES } from './workload.js';

const SERVICE_TYPES = ['kubernetes_service_v1', 'kubernetes_service'] as const;

/** Helm v2's labels on Tiller and its Service. */
function tillerLabels(labels: Record<string, string>): boolean {
  return labels.app === 'helm' || labels.name === 'tiller';
}

export const tillerNotDeployed = defineRule({
  id: 'tiller-not-deployed',
  title: 'No Tiller (Helm v2) Deployment or Service',
  severity: 'medium',
  resourceTypes: [...POD_TEMPLATE_TYPES, ...SERVICE_TYPES, 'helm_release'],
  anchors: ['CKV_K8S_34', 'CKV_K8S_44'],
  help: "Tiller, Helm v2's in-cluster server, ran with cluster-admin and by default served an unauthenticated gRPC port: anyone reaching it could install anything. Helm 3 (the helm provider) has no Tiller; remove any workload labelled app=helm or name=tiller, running a tiller image, or a Service selecting it.",
  check(resource) {
    if ((SERVICE_TYPES as readonly string[]).includes(resource.type)) {
      const labels = stringMap(valueAt(resource.values, 'metadata.labels'));
      const selector = Object.values(stringMap(valueAt(resource.values, 'spec.selector')));
      return tillerLabels(labels) || selector.some((value) => value.toLowerCase().includes('tiller'))
        ? fail('the Service exposes Tiller')
        : pass();
    }
    if (resource.type === 'helm_release') {
      return String(resource.values.chart ?? '').includes('tiller')
        ? fail('the release installs Tiller')
        : pass();
    }
    if (tillerLabels(stringMap(valueAt(resource.values, 'metadata.labels'))))
      return fail('the workload carries Tiller labels');
    return checkPods(resource, (pod) => {
      if (tillerLabels(pod.labels)) return fail('the pod template carries Tiller labels');
      const images = allContainers(pod).filter((view) =>
        String(view.container.image ?? '').includes('tiller'),
      );
      return images.length === 0
        ? pass()
        : fail(...images.map((view) => `${view.label} runs a Tiller image`));
    });
  },
});
