import { describe, expect, it } from 'vitest';
import {
  type ClusterSettings,
  launchNodes,
  resize,
  retireNodes,
  settle,
  steadyCluster,
} from './hpa-cluster.js';

const settings: ClusterSettings = {
  podsPerNode: 2,
  initialNodes: 2,
  nodeProvisioningSeconds: 90,
  podStartupSeconds: 20,
  nodeScaleDownSeconds: 600,
};

describe('the cluster behind one deployment', () => {
  it('schedules new pods into free slots and launches a node per podsPerNode pods still pending', () => {
    // 3 ready pods on 2 nodes of 2 slots: 1 free slot. Scale to 8: 1 pod starts now, 4 pending
    // need ceil(4 ÷ 2) = 2 nodes, Ready at t = 100; their pods Ready at t = 120.
    const cluster = steadyCluster(3, 2);
    resize(cluster, 8);
    settle(cluster, 10, settings);
    launchNodes(cluster, 10, settings);
    expect(cluster).toMatchObject({
      pending: 4,
      startingReadyAt: [30],
      ready: 3,
      provisioningReadyAt: [100, 100],
    });
    settle(cluster, 100, settings);
    expect(cluster).toMatchObject({ pending: 0, startingReadyAt: [120, 120, 120, 120], ready: 4, nodes: 4 });
    settle(cluster, 120, settings);
    expect(cluster.ready).toBe(8);
  });

  it('removes pending pods first, then the newest starting ones, then ready ones', () => {
    const cluster = { ...steadyCluster(4, 4), pending: 2, startingReadyAt: [30, 40] };
    resize(cluster, 5);
    // 8 pods → 5: both pending go, then the starting pod due at 40.
    expect(cluster).toMatchObject({ pending: 0, startingReadyAt: [30], ready: 4, desired: 5 });
    resize(cluster, 2);
    expect(cluster).toMatchObject({ startingReadyAt: [], ready: 2 });
  });

  it('retires a node once it has been empty for 600 s, never below the starting count', () => {
    // 4 nodes, 2 pods on 2 slots each: 1 node used, but the group keeps its starting 2.
    const cluster = steadyCluster(2, 4);
    retireNodes(cluster, 0, settings);
    retireNodes(cluster, 599, settings);
    expect(cluster.nodes).toBe(4);
    retireNodes(cluster, 600, settings);
    expect(cluster.nodes).toBe(2);
  });
});
