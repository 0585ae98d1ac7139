import { describe, expect, it } from 'vitest';
import { parseSpec } from '../config/spec.js';
import { PlanError, planCapacity } from './plan.js';

const referencePlan = planCapacity(parseSpec({}));
const oneService = (versions: { version: number; image: string; trafficShare?: number }[]) => ({
  workloads: { services: [{ name: 'promptcontent', port: 3001, versions }] },
});

describe('planCapacity with the reference figures', () => {
  it('reproduces the document for the whole platform: 125 workers on 16 instances, 588 req/s, 29 pods', () => {
    expect(referencePlan.performance.workers.value).toBe(125);
    expect(referencePlan.performance.instances.value).toBe(16);
    expect(referencePlan.scalability.effectivePerPodRps.value).toBeCloseTo(691.66 * 0.85, 10);
    expect(Math.round(referencePlan.scalability.effectivePerPodRps.value)).toBe(588);
    expect(referencePlan.scalability.peakPods.value).toBe(29);
    expect(referencePlan.scalability.minReplicas.value).toBe(4);
    expect(referencePlan.scalability.maxReplicas.value).toBe(30);
  });

  it('splits the peak equally over the four services: 8 pods each, HPA 2..9', () => {
    // 16,666.67 × 0.25 = 4,166.67 req/s ÷ 587.911 = 7.09 → 8 pods, + 1 spare = 9;
    // normal 416.67 ÷ 587.911 = 0.71 → 1, + 1 = 2.
    expect(
      referencePlan.deployments.map((d) => [
        d.name,
        d.trafficShare,
        d.peakPods,
        d.minReplicas,
        d.maxReplicas,
      ]),
    ).toEqual([
      ['promptcontent-api-v1', 0.25, 8, 2, 9],
      ['promptads-api-v1', 0.25, 8, 2, 9],
      ['promptcrm-api-v1', 0.25, 8, 2, 9],
      ['business-api-v1', 0.25, 8, 2, 9],
    ]);
    expect(referencePlan.deployments[0]?.resources).toEqual({ cpu: '4', memory: '8Gi' });
  });

  it('keeps the deployments within 29 + 3 pods before spares and 40 with them', () => {
    const peak = referencePlan.deployments.reduce((sum, d) => sum + d.peakPods, 0);
    const max = referencePlan.deployments.reduce((sum, d) => sum + d.maxReplicas, 0);
    expect(peak).toBe(32);
    expect(max).toBe(36);
    expect(referencePlan.latency.deploymentPeakPods.working).toContain('≤ 29 + (4 − 1) = 32');
  });

  it('sizes the node group to host every deployment at one pod per node: 8..36', () => {
    expect(referencePlan.nodeGroup.instanceType).toBe('r7i.2xlarge');
    expect(referencePlan.nodeGroup.minSize.value).toBe(8);
    expect(referencePlan.nodeGroup.desiredSize.value).toBe(8);
    expect(referencePlan.nodeGroup.maxSize.value).toBe(36);
  });

  it('sets the in-flight HPA target by Little’s law in milli-requests: 587.911 × 0.075 = 44.093 → 44093m', () => {
    expect(referencePlan.hpa.inflightTargetQuantity).toBe('44093m');
    expect(referencePlan.hpa.inflightTarget.value).toBe(44.093);
    expect(referencePlan.hpa.cpuTargetPercent).toBe(70);
  });

  it('takes the scale-down policy from the spec', () => {
    const plan = planCapacity(
      parseSpec({ podRuntime: { scaleDownPolicy: { percent: 10, periodSeconds: 60 } } }),
    );
    expect(plan.hpa.scaleDown).toEqual({ percent: 10, periodSeconds: 60 });
  });

  it('reports the composite availability of 99.905 % against 99.9 %', () => {
    expect(referencePlan.availability.composite.value.toFixed(3)).toBe('99.905');
    expect(referencePlan.availability.meetsTarget).toBe(true);
    expect(referencePlan.availability.targetBudget.perMonth.value.toFixed(1)).toBe('43.8');
  });

  it('comments the document’s own gap: 587.91 req/s per pod against 8 × 13.33 = 106.67 per instance, 5.51×', () => {
    expect(referencePlan.performanceGap.value).toBeCloseTo(587.911 / (8 / 0.075), 3);
    expect(referencePlan.performanceGap.working).toContain('5.51');
  });
});

describe('planCapacity follows its inputs', () => {
  it('doubles the peak: 57 pods for the platform, 15 + 1 per deployment, node group max 64', () => {
    // 33,333.33 × 0.25 = 8,333.33 ÷ 587.911 = 14.17 → 15.
    const doubled = planCapacity(parseSpec({ requirements: { peakRpm: 2_000_000 } }));
    expect(doubled.scalability.peakPods.value).toBe(57);
    expect(doubled.deployments.every((d) => d.maxReplicas === 16)).toBe(true);
    expect(doubled.nodeGroup.maxSize.value).toBe(64);
  });

  it('takes a canary’s share out of its service’s: 90 % / 10 % of one service', () => {
    const [v1, v2] = planCapacity(
      parseSpec(
        oneService([
          { version: 1, image: 'promptsales/promptcontent:v1', trafficShare: 0.9 },
          { version: 2, image: 'promptsales/promptcontent:v2', trafficShare: 0.1 },
        ]),
      ),
    ).deployments;
    // v1: 15,000 ÷ 587.911 = 25.51 → 26, max 27; normal 1,500 ÷ 587.911 = 2.55 → 3, min 4.
    expect([v1?.trafficShare, v1?.minReplicas, v1?.maxReplicas]).toEqual([0.9, 4, 27]);
    // v2: 1,666.67 ÷ 587.911 = 2.83 → 3, max 4; normal 166.67 → 1, min max(2, 2) = 2.
    expect([v2?.name, v2?.minReplicas, v2?.maxReplicas]).toEqual(['promptcontent-api-v2', 2, 4]);
  });

  it('gives a version without a share the rest of its service’s', () => {
    const [, v2] = planCapacity(
      parseSpec(
        oneService([
          { version: 1, image: 'a', trafficShare: 0.75 },
          { version: 2, image: 'b' },
        ]),
      ),
    ).deployments;
    expect(v2?.trafficShare).toBeCloseTo(0.25, 12);
  });

  it('keeps at least two replicas per deployment even for a trickle of traffic', () => {
    const trickle = planCapacity(
      parseSpec({ requirements: { normalRpm: 60, peakRpm: 120 }, autoscaling: { spareReplicas: 0 } }),
    );
    expect(trickle.deployments.every((d) => d.minReplicas === 2 && d.maxReplicas === 2)).toBe(true);
  });

  it('gives 2-vCPU pods two processes and half the benchmark, three to a node', () => {
    const smallPods = planCapacity(parseSpec({ pod: { cpuVcpu: 2, memoryGiB: 4 } }));
    expect(smallPods.nodes.podsPerNode.value).toBe(3);
    expect(smallPods.latency.model.processesPerPod.value).toBe(2);
    // 691.66 × 2 ÷ 4 = 345.83 req/s, × 0.85 = 293.96; 4,166.67 ÷ 293.96 = 14.17 → 15, + 1 = 16 per deployment.
    expect(smallPods.deployments.every((d) => d.maxReplicas === 16)).toBe(true);
    // 4 × 16 = 64 pods ÷ 3 per node = 21.3 → 22 nodes.
    expect(smallPods.nodeGroup.maxSize.value).toBe(22);
  });
});

describe('planCapacity rejects plans that cannot be deployed', () => {
  it('refuses a pod that fits no node, naming the pod and the node', () => {
    expect(() => planCapacity(parseSpec({ pod: { cpuVcpu: 16 } }))).toThrowError(PlanError);
    expect(() => planCapacity(parseSpec({ pod: { cpuVcpu: 16 } }))).toThrowError(
      /does not fit one r7i.2xlarge node/,
    );
  });

  it('refuses a node group above autoscaling.maxNodes', () => {
    const tooBig = () => planCapacity(parseSpec({ autoscaling: { maxNodes: 30 } }));
    expect(tooBig).toThrowError(
      /autoscaling\.maxNodes: .* need 36 nodes, more than the node group may hold \(30\)/,
    );
  });

  it('answers an offered load beyond the node group with one line, not a RangeError', () => {
    // 6,000,000,000 req/min = 100 million req/s: 170,094 pods (ceil(100,000,000 ÷ 587.911)), far above 450 nodes × 1 pod.
    expect(() => planCapacity(parseSpec({ requirements: { peakRpm: 6e9 } }))).toThrowError(
      /^autoscaling\.maxNodes: the peak needs 170,094 pods/,
    );
  });
});

describe('the CPU target against the reserve', () => {
  it('stays within the tolerance for the equal split: 75.3 % ÷ 70 % = 1.076, 8 replicas', () => {
    // 4,166.67 ÷ (8 × 691.66) = 75.30 %.
    const { cpuAtPeak, cpuReplicasAtPeak } = referencePlan.hpa;
    expect(cpuAtPeak.value).toBeCloseTo((4_166.666_7 / (8 * 691.66)) * 100, 4);
    expect(cpuReplicasAtPeak.value).toBe(8);
    expect(cpuReplicasAtPeak.working).not.toContain('max replicas');
  });

  it('counts the 0.1 tolerance in the advice: one deployment of 29 pods fits from 76 %, not 81 %', () => {
    // 83.09 % at 29 pods; 75 %: 1.108 > 1.1 → ceil(32.13) = 33 > 30; 76 %: 1.093 ≤ 1.1 → 29 stay.
    const plan = planCapacity(parseSpec(oneService([{ version: 1, image: 'a' }])));
    expect(plan.hpa.cpuReplicasAtPeak.value).toBe(35);
    expect(plan.hpa.cpuReplicasAtPeak.working).toContain('a CPU target of 76 % or more keeps it within');
  });
});
