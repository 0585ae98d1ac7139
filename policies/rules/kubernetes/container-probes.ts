import { combine, fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';
import { containersOf, DEPLOYMENT_TYPES } from './workload.js';

export const containerProbes = defineRule({
  id: 'container-probes',
  title: 'Containers have readiness and liveness probes',
  severity: 'medium',
  resourceTypes: DEPLOYMENT_TYPES,
  requirement: REQUIREMENTS.albHealthCheck,
  anchors: ['CKV_K8S_8', 'CKV_K8S_9'],
  help: 'The ALB only sends traffic to ready pods, and Kubernetes only restarts a hung pod it can probe. Give every container a readiness_probe and a liveness_probe.',
  check(deployment) {
    const containers = containersOf(deployment);
    if (containers.length === 0) return fail('the pod template has no container');
    return combine(
      containers.map((container) => {
        const missing = ['readiness_probe', 'liveness_probe'].filter(
          (probe) => container[probe] === undefined,
        );
        return missing.length === 0
          ? pass()
          : fail(`container ${String(container.name)} has no ${missing.join(' or ')}`);
      }),
    );
  },
});
