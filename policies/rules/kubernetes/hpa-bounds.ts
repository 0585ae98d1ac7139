import { CAPACITY_ANNOTATIONS } from '../../../config/capacity-annotations.js';
import { readNumber, unresolvedMessage } from '../../engine/checks.js';
import { combine, fail, pass, unknown, type Verdict } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { stringMap, valueAt } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';

export const hpaBounds = defineRule({
  id: 'hpa-bounds',
  title: 'HPA bounds carry the planned peak and never drop below two pods',
  severity: 'high',
  resourceTypes: ['kubernetes_horizontal_pod_autoscaler_v2', 'kubernetes_horizontal_pod_autoscaler'],
  requirement: REQUIREMENTS.scalability,
  anchors: [],
  parameters: { minimumReplicas: 2 },
  help: `max_replicas × the effective throughput of one pod must reach the peak requirement, and min_replicas must be at least 2. The figures come from the HPA's annotations ${CAPACITY_ANNOTATIONS.effectiveRpsPerPod} and ${CAPACITY_ANNOTATIONS.peakRps}, which the stacks copy from the capacity plan; without them the bound cannot be checked.`,
  check(hpa, context, { minimumReplicas }) {
    const annotations = stringMap(valueAt(hpa.values, 'metadata.annotations'));
    const minReplicas = readNumber(context, valueAt(hpa.values, 'spec.min_replicas'));
    const maxReplicas = readNumber(context, valueAt(hpa.values, 'spec.max_replicas'));
    const minVerdict: Verdict =
      minReplicas.kind === 'unknown'
        ? unknown(unresolvedMessage('spec.min_replicas', minReplicas.expression))
        : minReplicas.kind === 'number' && minReplicas.value >= minimumReplicas
          ? pass()
          : fail(
              `spec.min_replicas is ${minReplicas.kind === 'number' ? minReplicas.value : 'not set (defaults to 1)'}; needs at least ${minimumReplicas}`,
            );
    return combine([minVerdict, peakVerdict()]);

    function peakVerdict(): Verdict {
      if (maxReplicas.kind === 'unknown')
        return unknown(unresolvedMessage('spec.max_replicas', maxReplicas.expression));
      if (maxReplicas.kind !== 'number') return fail('spec.max_replicas is not set');
      const perPod = readNumber(context, annotations[CAPACITY_ANNOTATIONS.effectiveRpsPerPod]);
      const peak = readNumber(context, annotations[CAPACITY_ANNOTATIONS.peakRps]);
      if (perPod.kind !== 'number' || peak.kind !== 'number' || perPod.value <= 0) {
        return unknown(
          `annotations ${CAPACITY_ANNOTATIONS.effectiveRpsPerPod} and ${CAPACITY_ANNOTATIONS.peakRps} are needed to check max_replicas`,
        );
      }
      const capacity = maxReplicas.value * perPod.value;
      if (capacity >= peak.value) return pass();
      const needed = Math.ceil(peak.value / perPod.value);
      return fail(
        `max_replicas ${maxReplicas.value} × ${perPod.value} req/s = ${round(capacity)} req/s, below the peak of ${round(peak.value)} req/s; needs at least ${needed}`,
      );
    }
  },
});

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
