import { beforeAll, describe, expect, it } from 'vitest';
import { environmentSpec, onlyResource, type SynthesizedPlatform, synthesize } from './synth.js';

type Scaling = { min_size: number; desired_size: number; max_size: number };

describe('sizing follows the spec', () => {
  let base: SynthesizedPlatform;
  let doubled: SynthesizedPlatform;
  const scaling = (platform: SynthesizedPlatform) =>
    onlyResource(platform.stacks['prod-cluster'], 'aws_eks_node_group').scaling_config as Scaling;

  beforeAll(() => {
    const spec = environmentSpec('prod');
    base = synthesize(spec);
    doubled = synthesize(
      environmentSpec('prod', { requirements: { peakRpm: spec.requirements.peakRpm * 2 } }),
    );
  });

  it('writes the plan node group into the JSON', () => {
    expect(scaling(base).max_size).toBe(base.plan.nodeGroup.maxSize.value);
    expect(scaling(doubled).max_size).toBe(doubled.plan.nodeGroup.maxSize.value);
  });

  it('raises the node group maximum from 36 to 64 when the peak doubles, leaving the minimum alone', () => {
    // Four deployments of a quarter each, one pod per node: 4 × (8 + 1) = 36, then 4 × (15 + 1) = 64.
    expect(scaling(base).max_size).toBe(36);
    expect(scaling(doubled).max_size).toBe(64);
    expect(scaling(doubled).min_size).toBe(scaling(base).min_size);
  });

  it('sizes each environment from its own plan', () => {
    const dev = synthesize(environmentSpec('dev'));
    const group = onlyResource(dev.stacks['dev-cluster'], 'aws_eks_node_group');
    expect(group.scaling_config).toEqual({
      min_size: dev.plan.nodeGroup.minSize.value,
      desired_size: dev.plan.nodeGroup.desiredSize.value,
      max_size: dev.plan.nodeGroup.maxSize.value,
    });
    expect(dev.plan.nodeGroup.maxSize.value).toBeLessThan(base.plan.nodeGroup.maxSize.value);
  });

  it('hosts every deployment maximum on the node group maximum', () => {
    for (const platform of [base, doubled]) {
      const pods = platform.plan.deployments.reduce((total, d) => total + d.maxReplicas, 0);
      expect(scaling(platform).max_size * platform.plan.nodes.podsPerNode.value).toBeGreaterThanOrEqual(pods);
    }
  });
});
