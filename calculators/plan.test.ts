import { describe, expect, it } from 'vitest';
import { parseSpec } from '../config/spec.js';
import { PlanError, planCapacity } from './plan.js';

const referencePlan = planCapacity(parseSpec({}));

describe('planCapacity with the reference figures', () => {
  it('reproduces the document: 125 workers on 16 instances, 29 pods, HPA 4..30', () => {
    expect(referencePlan.performance.workers.value).toBe(125);
    expect(referencePlan.performance.instances.value).toBe(16);
    expect(referencePlan.scalability.peakPods.value).toBe(29);
    expect(referencePlan.scalability.minReplicas.value).toBe(4);
    expect(referencePlan.scalability.maxReplicas.value).toBe(30);
  });

  it('gives every service deployment the document’s bounds, named and routed by version', () => {
    expect(referencePlan.deployments.map((d) => [d.name, d.path, d.minReplicas, d.maxReplicas])).toEqual([
      ['promptcontent-api-v1', '/api/promptcontent/v1', 4, 30],
      ['promptads-api-v1', '/api/promptads/v1', 4, 30],
      ['promptcrm-api-v1', '/api/promptcrm/v1', 4, 30],
      ['business-api-v1', '/api/business/v1', 4, 30],
    ]);
    expect(referencePlan.deployments[0]?.resources).toEqual({ cpu: '4', memory: '8Gi' });
  });

  it('sizes the node group to host every deployment at one pod per node', () => {
    expect(referencePlan.nodeGroup.instanceType).toBe('r7i.2xlarge');
    expect(referencePlan.nodeGroup.minSize.value).toBe(16);
    expect(referencePlan.nodeGroup.desiredSize.value).toBe(16);
    expect(referencePlan.nodeGroup.maxSize.value).toBe(120);
  });

  it('sets the in-flight HPA target by Little’s law: floor(587.91 × 0.075) = 44', () => {
    expect(referencePlan.hpa.inflightTarget.value).toBe(44);
    expect(referencePlan.hpa.cpuTargetPercent).toBe(70);
    expect(referencePlan.hpa.memoryTargetPercent).toBe(70);
  });

  it('reports the composite availability of 99.905 % against 99.9 %', () => {
    expect(referencePlan.availability.composite.value.toFixed(3)).toBe('99.905');
    expect(referencePlan.availability.meetsTarget).toBe(true);
    expect(referencePlan.availability.journeys.map((j) => j.service)).toEqual([
      'promptcontent',
      'promptads',
      'promptcrm',
      'business',
    ]);
  });
});

describe('planCapacity follows its inputs', () => {
  it('doubles the peak: 57 pods, HPA max 58, node group max 4 × 58', () => {
    const doubled = planCapacity(parseSpec({ requirements: { peakRpm: 2_000_000 } }));
    expect(doubled.scalability.peakPods.value).toBe(57);
    expect(doubled.deployments.every((d) => d.maxReplicas === 58)).toBe(true);
    expect(doubled.nodeGroup.maxSize.value).toBe(232);
  });

  it('sizes a canary version for its share of the load', () => {
    const spec = parseSpec({
      workloads: {
        services: [
          {
            name: 'promptcontent',
            port: 3001,
            versions: [
              { version: 1, image: 'promptsales/promptcontent:v1' },
              { version: 2, image: 'promptsales/promptcontent:v2', loadShare: 0.5 },
            ],
          },
        ],
      },
    });
    const [v1, v2] = planCapacity(spec).deployments;
    expect(v1?.maxReplicas).toBe(30);
    // ceil(8,333.33 ÷ 587.91) = 15, plus one spare; normal: ceil(833.33 ÷ 587.91) = 2, plus one.
    expect([v2?.name, v2?.minReplicas, v2?.maxReplicas]).toEqual(['promptcontent-api-v2', 3, 16]);
  });

  it('keeps at least two replicas per deployment even for a trickle of traffic', () => {
    const trickle = planCapacity(
      parseSpec({ requirements: { normalRpm: 60, peakRpm: 120 }, autoscaling: { spareReplicas: 0 } }),
    );
    expect(trickle.deployments.every((d) => d.minReplicas === 2 && d.maxReplicas === 2)).toBe(true);
  });

  it('packs three 2-vCPU pods per node, and the node group shrinks to a third', () => {
    const smallPods = planCapacity(parseSpec({ pod: { cpuVcpu: 2, memoryGiB: 4 } }));
    expect(smallPods.nodes.podsPerNode.value).toBe(3);
    // Each pod now serves the same benchmark figure, so replicas stay 4..30 per deployment.
    expect(smallPods.nodeGroup.maxSize.value).toBe(40);
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
    const tooBig = () => planCapacity(parseSpec({ autoscaling: { maxNodes: 100 } }));
    expect(tooBig).toThrowError(
      /autoscaling\.maxNodes: .* need 120 nodes, more than the node group may hold \(100\)/,
    );
  });
});

describe('the CPU target against the reserve', () => {
  it('shows the 29 peak pods at 83.09 % CPU, so a 70 % target asks for 35 and max replicas binds', () => {
    const { cpuAtPeak, cpuReplicasAtPeak } = referencePlan.hpa;
    expect(cpuAtPeak.value).toBeCloseTo(((1_000_000 / 60) * 100) / (29 * 691.66), 10);
    expect(cpuReplicasAtPeak.value).toBe(35);
    expect(cpuReplicasAtPeak.working).toContain('a CPU target of 81 % or more keeps it within');
  });

  it('says nothing more when the target leaves room: at 81 % the ratio 1.026 is within tolerance, 29 stay', () => {
    const plan = planCapacity(parseSpec({ autoscaling: { cpuTargetPercent: 81 } }));
    expect(plan.hpa.cpuReplicasAtPeak.value).toBe(29);
    expect(plan.hpa.cpuReplicasAtPeak.working).not.toContain('max replicas');
  });
});
