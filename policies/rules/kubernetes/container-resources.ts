import { combine, fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { stringMap, valueAt } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';
import { containersOf, DEPLOYMENT_TYPES } from './workload.js';

export const containerResources = defineRule({
  id: 'container-resources',
  title: 'Containers declare CPU and memory requests and a memory limit',
  severity: 'medium',
  resourceTypes: DEPLOYMENT_TYPES,
  requirement: REQUIREMENTS.scalability,
  anchors: ['CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13'],
  help: 'The capacity plan counts pods of a known size (4 vCPU / 8 GiB), and the HPA scales on CPU and memory utilisation, which is a percentage of the requests. Set resources.requests.cpu, requests.memory and limits.memory on every container.',
  check(deployment) {
    const containers = containersOf(deployment);
    if (containers.length === 0) return fail('the pod template has no container');
    return combine(
      containers.map((container) => {
        const requests = stringMap(valueAt(container, 'resources.requests'));
        const limits = stringMap(valueAt(container, 'resources.limits'));
        const missing = [
          requests.cpu === undefined ? 'requests.cpu' : undefined,
          requests.memory === undefined ? 'requests.memory' : undefined,
          limits.memory === undefined ? 'limits.memory' : undefined,
        ].filter((entry) => entry !== undefined);
        return missing.length === 0
          ? pass()
          : fail(`container ${String(container.name)} has no ${missing.join(', ')}`);
      }),
    );
  },
});
