import { beforeAll, describe, expect, it } from 'vitest';
import { synthEdgeAndWorkloads } from './edge-workloads-fixture.js';
import { type Resource, resourceList } from './synth.js';

let releases: Resource[];

const valuesOf = (chart: string) => {
  const release = releases.find((candidate) => candidate.chart === chart);
  if (!release) throw new Error(`no ${chart} release`);
  return JSON.parse((release.values as string[])[0]!) as Record<string, unknown>;
};

beforeAll(() => {
  releases = resourceList(synthEdgeAndWorkloads().workloads, 'helm_release');
});

describe('workloads stack: cluster add-ons', () => {
  it('runs the External Secrets Operator as two replicas with one leader', () => {
    expect(valuesOf('external-secrets')).toMatchObject({ replicaCount: 2, leaderElect: true });
  });

  it('keeps Prometheus, which the HPAs scale on, in two replicas on their own EBS volumes', () => {
    const prometheus = (valuesOf('kube-prometheus-stack').prometheus as { prometheusSpec: unknown })
      .prometheusSpec;
    expect(prometheus).toMatchObject({
      replicas: 2,
      retention: '15d',
      storageSpec: {
        volumeClaimTemplate: {
          spec: { storageClassName: 'gp2', resources: { requests: { storage: '50Gi' } } },
        },
      },
    });
  });

  it('installs every other chart after the load balancer controller, whose webhook admits Services', () => {
    const controller = Object.entries(synthEdgeAndWorkloads().workloads.resource?.helm_release ?? {}).find(
      ([, release]) => release.chart === 'aws-load-balancer-controller',
    )?.[0];
    const direct = releases
      .filter(
        (release) => !['aws-load-balancer-controller', 'prometheus-adapter'].includes(String(release.chart)),
      )
      .map((release) => [release.chart, release.depends_on]);
    for (const [, dependsOn] of direct) expect(dependsOn).toContain(`helm_release.${controller}`);
    expect(direct).toHaveLength(4);
  });
});
