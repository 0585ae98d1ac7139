import { beforeAll, describe, expect, it } from 'vitest';
import { kubernetesObject, required, synthEdgeAndWorkloads } from './edge-workloads-fixture.js';
import { resourceList } from './synth.js';

type Synth = ReturnType<typeof synthEdgeAndWorkloads>;

const REFERENCE_PEAK_RPM = 1_000_000;

let reference: Synth;
let doubled: Synth;
let withV2: Synth;

beforeAll(() => {
  reference = synthEdgeAndWorkloads();
  doubled = synthEdgeAndWorkloads({ requirements: { peakRpm: 2 * REFERENCE_PEAK_RPM } });
  withV2 = synthEdgeAndWorkloads({
    workloads: {
      services: [
        {
          name: 'promptcontent',
          port: 3001,
          versions: [
            { version: 1, image: 'promptsales/promptcontent:v1', trafficShare: 0.5 },
            { version: 2, image: 'promptsales/promptcontent:v2', trafficShare: 0.5 },
          ],
        },
      ],
    },
  });
});

function maxReplicas(synth: Synth): Record<string, number> {
  return Object.fromEntries(
    resourceList(synth.workloads, 'kubernetes_horizontal_pod_autoscaler_v2').map((hpa) => [
      hpa.metadata?.name,
      (hpa.spec as { max_replicas: number }).max_replicas,
    ]),
  );
}

describe('workloads stack follows the spec', () => {
  it('raises every HPA maximum when the peak requirement doubles, to what the plan computes', () => {
    expect(reference.spec.requirements.peakRpm).toBe(REFERENCE_PEAK_RPM);
    const before = maxReplicas(reference);
    const after = maxReplicas(doubled);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const deployment of doubled.plan.deployments) {
      // A quarter each: ceil(8,333.33 / 587.91) = 15 pods for the doubled peak, 8 before, plus the spare.
      expect(after[deployment.name]).toBe(16);
      expect(after[deployment.name]).toBe(deployment.maxReplicas);
      expect(before[deployment.name]).toBe(9);
    }
  });

  it('keeps the peak annotation in step with the doubled requirement', () => {
    const hpa = kubernetesObject(
      doubled.workloads,
      'kubernetes_horizontal_pod_autoscaler_v2',
      'promptads-api-v1',
    );
    expect(Number(hpa?.metadata?.annotations?.['capacity.promptsales.io/peak-rps'])).toBeCloseTo(8_333.34, 2);
  });

  it('turns one more version line into its own Deployment, Service, HPA and PDB', () => {
    for (const type of [
      'kubernetes_deployment_v1',
      'kubernetes_service_v1',
      'kubernetes_horizontal_pod_autoscaler_v2',
      'kubernetes_pod_disruption_budget_v1',
    ]) {
      expect(kubernetesObject(withV2.workloads, type, 'promptcontent-api-v2')).toBeDefined();
      expect(kubernetesObject(withV2.workloads, type, 'promptcontent-api-v1')).toBeDefined();
    }
    const deployment = required(
      kubernetesObject(withV2.workloads, 'kubernetes_deployment_v1', 'promptcontent-api-v2'),
      'promptcontent-api-v2 Deployment',
    );
    const template = (deployment.spec as { template: { spec: { container: { image: string }[] } } }).template;
    expect(template.spec.container[0]?.image).toBe('promptsales/promptcontent:v2');
  });

  it('sizes a version that takes half its service’s traffic for half the peak', () => {
    const v2 = withV2.plan.deployments.find((d) => d.name === 'promptcontent-api-v2');
    const hpa = required(
      kubernetesObject(withV2.workloads, 'kubernetes_horizontal_pod_autoscaler_v2', 'promptcontent-api-v2'),
      'promptcontent-api-v2 HPA',
    );
    // The only service takes the whole peak; v2 half of it: ceil(8,333.33 / 587.91) = 15, plus the spare.
    expect((hpa.spec as { max_replicas: number }).max_replicas).toBe(16);
    expect(v2?.maxReplicas).toBe(16);
    expect(Number(hpa.metadata?.annotations?.['capacity.promptsales.io/peak-rps'])).toBeCloseTo(8_333.34, 2);
  });
});
