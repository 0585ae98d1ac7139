import { ceilExact } from './figure.js';

/**
 * The pods and nodes behind one Deployment: the ReplicaSet, the scheduler and the node autoscaler,
 * each reduced to counts and ready times. Time is in whole seconds.
 */

export interface ClusterSettings {
  podsPerNode: number;
  initialNodes: number;
  nodeProvisioningSeconds: number;
  podStartupSeconds: number;
  /** cluster-autoscaler --scale-down-unneeded-time: an empty node goes after this long. */
  nodeScaleDownSeconds: number;
}

/** Pods and nodes of the deployment; pods start in FIFO order, so their ready times stay sorted. */
export interface Cluster {
  desired: number;
  pending: number;
  startingReadyAt: number[];
  ready: number;
  nodes: number;
  provisioningReadyAt: number[];
  /** When each surplus (empty) node became unneeded, oldest first. */
  unneededSince: number[];
}

function activateNodes(cluster: Cluster, t: number): void {
  while (cluster.provisioningReadyAt.length > 0 && cluster.provisioningReadyAt[0]! <= t) {
    cluster.provisioningReadyAt.shift();
    cluster.nodes++;
  }
}

function schedulePods(cluster: Cluster, t: number, settings: ClusterSettings): void {
  const slots = cluster.nodes * settings.podsPerNode - cluster.ready - cluster.startingReadyAt.length;
  const scheduled = Math.max(0, Math.min(slots, cluster.pending));
  cluster.pending -= scheduled;
  for (let i = 0; i < scheduled; i++) cluster.startingReadyAt.push(t + settings.podStartupSeconds);
}

function activatePods(cluster: Cluster, t: number): void {
  while (cluster.startingReadyAt.length > 0 && cluster.startingReadyAt[0]! <= t) {
    cluster.startingReadyAt.shift();
    cluster.ready++;
  }
}

export function settle(cluster: Cluster, t: number, settings: ClusterSettings): void {
  activateNodes(cluster, t);
  schedulePods(cluster, t, settings);
  activatePods(cluster, t);
}

/** The ReplicaSet removes unscheduled pods first, then not-ready ones (newest first), then ready ones. */
export function resize(cluster: Cluster, desired: number): void {
  cluster.desired = desired;
  let surplus = cluster.pending + cluster.startingReadyAt.length + cluster.ready - desired;
  if (surplus <= 0) {
    cluster.pending -= surplus;
    return;
  }
  const fromPending = Math.min(surplus, cluster.pending);
  cluster.pending -= fromPending;
  surplus -= fromPending;
  const fromStarting = Math.min(surplus, cluster.startingReadyAt.length);
  cluster.startingReadyAt.length -= fromStarting;
  cluster.ready -= surplus - fromStarting;
}

/** cluster-autoscaler: a node for every podsPerNode pending pods not already covered by a launching node. */
export function launchNodes(cluster: Cluster, t: number, settings: ClusterSettings): void {
  const needed = ceilExact(cluster.pending / settings.podsPerNode) - cluster.provisioningReadyAt.length;
  for (let i = 0; i < needed; i++) cluster.provisioningReadyAt.push(t + settings.nodeProvisioningSeconds);
}

/** cluster-autoscaler: removes a node that has been empty for the unneeded time, never below the start. */
export function retireNodes(cluster: Cluster, t: number, settings: ClusterSettings): void {
  const { podsPerNode, initialNodes, nodeScaleDownSeconds } = settings;
  const used = ceilExact((cluster.ready + cluster.startingReadyAt.length) / podsPerNode);
  const surplus = Math.max(0, Math.min(cluster.nodes - used, cluster.nodes - initialNodes));
  if (surplus < cluster.unneededSince.length) cluster.unneededSince.length = surplus;
  while (cluster.unneededSince.length < surplus) cluster.unneededSince.push(t);
  const expired = cluster.unneededSince.filter((since) => since + nodeScaleDownSeconds <= t).length;
  cluster.unneededSince.splice(0, expired);
  cluster.nodes -= expired;
}

/** `replicas` ready pods on `nodes` nodes, nothing pending or starting. */
export function steadyCluster(replicas: number, nodes: number): Cluster {
  return {
    desired: replicas,
    pending: 0,
    startingReadyAt: [],
    ready: replicas,
    nodes,
    provisioningReadyAt: [],
    unneededSince: [],
  };
}
