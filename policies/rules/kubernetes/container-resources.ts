import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { stringMap, valueAt } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';
import { checkContainers, POD_TYPES } from './workload.js';

export const containerResources = defineRule({
  id: 'container-resources',
  title: 'Containers declare CPU and memory requests and limits',
  severity: 'medium',
  resourceTypes: POD_TYPES,
  requirement: REQUIREMENTS.scalability,
  anchors: ['CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13'],
  help: "The capacity plan counts pods of a known size (4 vCPU / 8 GiB), and the HPA scales on CPU and memory utilisation, which is a percentage of the requests; a container without limits can starve its neighbours on the node. Set resources.requests.cpu, requests.memory, limits.cpu and limits.memory on every container and init container, of Deployments, Jobs and the Helm charts' pods (their chart's resources values).",
  check(resource) {
    return checkContainers(resource, (view) => {
      const requests = stringMap(valueAt(view.container, 'resources.requests'));
      const limits = stringMap(valueAt(view.container, 'resources.limits'));
      const missing = [
        requests.cpu === undefined ? 'requests.cpu' : undefined,
        requests.memory === undefined ? 'requests.memory' : undefined,
        limits.cpu === undefined ? 'limits.cpu' : undefined,
        limits.memory === undefined ? 'limits.memory' : undefined,
      ].filter((entry) => entry !== undefined);
      return missing.length === 0 ? pass() : fail(`${view.label} has no ${missing.join(', ')}`);
    });
  },
});
