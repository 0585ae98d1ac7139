import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks, valueAt } from '../../engine/values.js';
import { checkPods, POD_TYPES } from './workload.js';

/** Container runtime sockets: whoever reaches one starts privileged containers on the node. */
const RUNTIME_SOCKETS = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
];

export const podNoHostPathVolumes = defineRule({
  id: 'pod-no-host-path-volumes',
  title: "Pods mount no directory of the node (above all the container runtime's socket)",
  severity: 'high',
  resourceTypes: POD_TYPES,
  anchors: ['CKV_K8S_27'],
  help: "A host_path volume reaches the node's filesystem from the pod; the Docker or containerd socket in particular hands the pod the node itself. Use emptyDir, ConfigMap, Secret or projected volumes instead (the Pod Security Standards baseline forbids hostPath).",
  check(resource) {
    return checkPods(resource, (pod) => {
      const paths = blocks(pod.spec.volume)
        .map((volume) => valueAt(volume, 'host_path.path'))
        .filter((path) => path !== undefined)
        .map(String);
      return paths.length === 0
        ? pass()
        : fail(
            ...paths.map((path) =>
              RUNTIME_SOCKETS.includes(path)
                ? `${pod.where}mounts the container runtime socket ${path}`
                : `${pod.where}mounts the node's ${path}`,
            ),
          );
    });
  },
});
