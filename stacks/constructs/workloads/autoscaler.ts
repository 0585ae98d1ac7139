import type { HorizontalPodAutoscalerV2Spec } from '@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2/index.js';
import type { DeploymentPlan, HpaSettings } from '../../../calculators/plan-types.js';
import { INFLIGHT_METRIC } from './metrics.js';

/**
 * autoscaling/v2 spec of one deployment: bounds from its plan, targets and behaviour from the
 * plan's HPA settings. The HPA takes the largest replica count any of the three metrics asks for.
 */
export function autoscalerSpec(deployment: DeploymentPlan, hpa: HpaSettings): HorizontalPodAutoscalerV2Spec {
  return {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.name },
    minReplicas: deployment.minReplicas,
    maxReplicas: deployment.maxReplicas,
    metric: [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: hpa.cpuTargetPercent } },
      },
      {
        type: 'Resource',
        resource: {
          name: 'memory',
          target: { type: 'Utilization', averageUtilization: hpa.memoryTargetPercent },
        },
      },
      {
        type: 'Pods',
        pods: {
          metric: { name: INFLIGHT_METRIC },
          target: { type: 'AverageValue', averageValue: hpa.inflightTargetQuantity },
        },
      },
    ],
    behavior: {
      scaleUp: [
        {
          stabilizationWindowSeconds: 0,
          selectPolicy: 'Max',
          policy: [
            { type: 'Percent', value: hpa.scaleUp.percent, periodSeconds: hpa.scaleUp.periodSeconds },
            { type: 'Pods', value: hpa.scaleUp.pods, periodSeconds: hpa.scaleUp.periodSeconds },
          ],
        },
      ],
      scaleDown: [
        {
          stabilizationWindowSeconds: hpa.scaleDownStabilizationSeconds,
          selectPolicy: 'Max',
          policy: [
            { type: 'Percent', value: hpa.scaleDown.percent, periodSeconds: hpa.scaleDown.periodSeconds },
          ],
        },
      ],
    },
  };
}
