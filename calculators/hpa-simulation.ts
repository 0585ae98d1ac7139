import type { PlatformSpec } from '../config/spec.js';
import { ceilExact, type Figure, figure, fmt } from './figure.js';
import {
  EMPTY_HPA_MEMORY,
  type HpaBehavior,
  type HpaMemory,
  highestProposal,
  type LimitReason,
  type MetricObservation,
  platformBehavior,
  type ReplicaBounds,
  syncHpa,
} from './hpa.js';
import type { CapacityPlan } from './plan-types.js';
import type { TrafficProfile } from './traffic-profiles.js';

export interface SimulationSettings {
  bounds: ReplicaBounds;
  hpa: {
    tolerance: number;
    syncPeriodSeconds: number;
    behavior: HpaBehavior;
    cpuTargetPercent: number;
    memoryTargetPercent: number;
    inflightTarget: number;
  };
  pod: {
    /** Benchmark throughput: the req/s at which a pod uses 100 % of its CPU request. */
    benchmarkRps: number;
    /** What the plan counts on per pod: the benchmark less the reserve. */
    effectiveRps: number;
    latencySeconds: number;
    /** Working set as a share of the memory request, constant: a pod's memory does not follow its load. */
    memoryPercent: number;
  };
  cluster: {
    podsPerNode: number;
    initialNodes: number;
    nodeProvisioningSeconds: number;
    podStartupSeconds: number;
    /** cluster-autoscaler --scale-down-unneeded-time: an empty node goes after this long. */
    nodeScaleDownSeconds: number;
  };
}

/** A gunicorn pod's resident memory is set by its workers, not its request rate (assumption, see docs/simulate.md). */
export const DEFAULT_MEMORY_PERCENT = 40;
/** cluster-autoscaler default --scale-down-unneeded-time (10 min). */
export const DEFAULT_NODE_SCALE_DOWN_SECONDS = 600;

export interface SimulationOverrides {
  nodeProvisioningSeconds?: number;
  memoryPercent?: number;
}

/** The deployment the reference document sizes: the whole load on one API, min to max replicas of the plan. */
export function simulationSettings(
  spec: PlatformSpec,
  plan: CapacityPlan,
  overrides: SimulationOverrides = {},
): SimulationSettings {
  const { autoscaling, benchmarks } = spec;
  const minReplicas = plan.scalability.minReplicas.value;
  const podsPerNode = plan.nodes.podsPerNode.value;
  return {
    bounds: { minReplicas, maxReplicas: Math.max(minReplicas, plan.scalability.maxReplicas.value) },
    hpa: {
      tolerance: autoscaling.tolerance,
      syncPeriodSeconds: autoscaling.syncPeriodSeconds,
      behavior: platformBehavior(plan.hpa.scaleUp, plan.hpa.scaleDownStabilizationSeconds),
      cpuTargetPercent: plan.hpa.cpuTargetPercent,
      memoryTargetPercent: plan.hpa.memoryTargetPercent,
      inflightTarget: plan.hpa.inflightTarget.value,
    },
    pod: {
      benchmarkRps: benchmarks.perPodRps,
      effectiveRps: plan.scalability.effectivePerPodRps.value,
      latencySeconds: benchmarks.perRequestLatencyMs / 1000,
      memoryPercent: overrides.memoryPercent ?? DEFAULT_MEMORY_PERCENT,
    },
    cluster: {
      podsPerNode,
      // This deployment's share of the node group's minimum: the nodes its minimum replicas occupy.
      initialNodes: ceilExact(minReplicas / podsPerNode),
      nodeProvisioningSeconds: overrides.nodeProvisioningSeconds ?? autoscaling.nodeProvisioningSeconds,
      podStartupSeconds: autoscaling.podStartupSeconds,
      nodeScaleDownSeconds: DEFAULT_NODE_SCALE_DOWN_SECONDS,
    },
  };
}

/** metrics-server reports whole percent (integer division); the epsilon keeps 80.0 from becoming 79. */
function wholePercent(x: number): number {
  return Math.floor(x + 1e-9);
}

/**
 * What the HPA reads with `demandRps` spread over `readyPods` (only ready pods receive traffic):
 * CPU saturates at 100 % of the request at the benchmark rate, in-flight follows Little's law,
 * memory holds its baseline.
 */
export function observeMetrics(
  demandRps: number,
  readyPods: number,
  settings: SimulationSettings,
): MetricObservation[] {
  const { pod, hpa } = settings;
  const perPodRps = demandRps / readyPods;
  return [
    {
      name: 'cpu',
      currentValue: wholePercent(Math.min(100, (perPodRps / pod.benchmarkRps) * 100)),
      targetValue: hpa.cpuTargetPercent,
    },
    { name: 'memory', currentValue: wholePercent(pod.memoryPercent), targetValue: hpa.memoryTargetPercent },
    {
      name: 'http_requests_inflight',
      currentValue: perPodRps * pod.latencySeconds,
      targetValue: hpa.inflightTarget,
    },
  ];
}

export interface SimulationSample {
  t: number;
  demandRps: number;
  capacityRps: number;
  desiredReplicas: number;
  readyPods: number;
  /** Pods waiting for a node plus pods starting. */
  unreadyPods: number;
  nodes: number;
}

export interface ScalingDecision {
  t: number;
  from: number;
  to: number;
  /** The metric whose proposal was highest, with its value and target. */
  metric: string;
  metricValue: number;
  metricTarget: number;
  recommended: number;
  limitedBy: LimitReason;
}

export interface Shortfall {
  start: number;
  /** First second capacity covered demand again; null when the run ended first. */
  end: number | null;
}

export interface SimulationSummary {
  durationSeconds: number;
  timeToCover: Figure;
  covered: boolean;
  requestsAboveCapacity: Figure;
  shareAboveCapacity: Figure;
  peakReplicas: Figure;
  peakNodes: Figure;
  /** Desired replicas reached the HPA's maxReplicas. */
  maxReplicasHit: boolean;
  /** The highest replica count the metrics asked for, before stabilization, policies and bounds. */
  highestRecommendation: number;
}

export interface SimulationResult {
  samples: SimulationSample[];
  decisions: ScalingDecision[];
  shortfalls: Shortfall[];
  summary: SimulationSummary;
}

/** Pods and nodes of the deployment; pods start in FIFO order, so their ready times stay sorted. */
interface Cluster {
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

function schedulePods(cluster: Cluster, t: number, settings: SimulationSettings): void {
  const slots = cluster.nodes * settings.cluster.podsPerNode - cluster.ready - cluster.startingReadyAt.length;
  const scheduled = Math.max(0, Math.min(slots, cluster.pending));
  cluster.pending -= scheduled;
  for (let i = 0; i < scheduled; i++) cluster.startingReadyAt.push(t + settings.cluster.podStartupSeconds);
}

function activatePods(cluster: Cluster, t: number): void {
  while (cluster.startingReadyAt.length > 0 && cluster.startingReadyAt[0]! <= t) {
    cluster.startingReadyAt.shift();
    cluster.ready++;
  }
}

function settle(cluster: Cluster, t: number, settings: SimulationSettings): void {
  activateNodes(cluster, t);
  schedulePods(cluster, t, settings);
  activatePods(cluster, t);
}

/** The ReplicaSet removes unscheduled pods first, then not-ready ones (newest first), then ready ones. */
function resize(cluster: Cluster, desired: number): void {
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
function launchNodes(cluster: Cluster, t: number, settings: SimulationSettings): void {
  const needed =
    ceilExact(cluster.pending / settings.cluster.podsPerNode) - cluster.provisioningReadyAt.length;
  for (let i = 0; i < needed; i++)
    cluster.provisioningReadyAt.push(t + settings.cluster.nodeProvisioningSeconds);
}

/** cluster-autoscaler: removes a node that has been empty for the unneeded time, never below the start. */
function retireNodes(cluster: Cluster, t: number, settings: SimulationSettings): void {
  const { podsPerNode, initialNodes, nodeScaleDownSeconds } = settings.cluster;
  const used = ceilExact((cluster.ready + cluster.startingReadyAt.length) / podsPerNode);
  const surplus = Math.max(0, Math.min(cluster.nodes - used, cluster.nodes - initialNodes));
  if (surplus < cluster.unneededSince.length) cluster.unneededSince.length = surplus;
  while (cluster.unneededSince.length < surplus) cluster.unneededSince.push(t);
  const expired = cluster.unneededSince.filter((since) => since + nodeScaleDownSeconds <= t).length;
  cluster.unneededSince.splice(0, expired);
  cluster.nodes -= expired;
}

/** Whether a sync falls in the second [t, t + 1): every period from 0, whole or not (15, 10.5 …). */
function isSyncTime(t: number, periodSeconds: number): boolean {
  const next = Math.ceil(t / periodSeconds - 1e-9) * periodSeconds;
  return next < t + 1 - 1e-9;
}

/** One HPA sync against the pods that are ready now; a decision when the desired count changes. */
function syncAutoscaler(
  cluster: Cluster,
  memory: HpaMemory,
  t: number,
  demand: number,
  settings: SimulationSettings,
): { memory: HpaMemory; recommended: number; decision?: ScalingDecision } {
  const { bounds, hpa } = settings;
  const metrics = observeMetrics(demand, cluster.ready, settings);
  const sync = syncHpa(
    memory,
    {
      now: t,
      currentReplicas: cluster.desired,
      pods: { ready: cluster.ready, unready: cluster.pending + cluster.startingReadyAt.length },
      metrics,
    },
    { ...bounds, tolerance: hpa.tolerance, behavior: hpa.behavior },
  );
  if (sync.desiredReplicas === cluster.desired) return { memory: sync.memory, recommended: sync.recommended };
  const driver = highestProposal(sync.proposals);
  const reading = metrics.find((m) => m.name === driver.name)!;
  return {
    memory: sync.memory,
    recommended: sync.recommended,
    decision: {
      t,
      from: cluster.desired,
      to: sync.desiredReplicas,
      metric: driver.name,
      metricValue: reading.currentValue,
      metricTarget: reading.targetValue,
      recommended: sync.recommended,
      limitedBy: sync.limitedBy,
    },
  };
}

/** Requests above capacity while a given number of pods was ready. */
interface ExcessAtLevel {
  readyPods: number;
  seconds: number;
  requests: number;
}

interface Ledger {
  excessRequests: number;
  totalRequests: number;
  excessByReadyPods: Map<number, ExcessAtLevel>;
}

/** One second of traffic: `demand` (req/s at the second's midpoint) against the capacity of `ready` pods. */
function accountSecond(ledger: Ledger, demand: number, capacity: number, ready: number): void {
  ledger.totalRequests += demand;
  if (demand <= capacity) return;
  const excess = demand - capacity;
  const level = ledger.excessByReadyPods.get(ready) ?? { readyPods: ready, seconds: 0, requests: 0 };
  ledger.excessRequests += excess;
  ledger.excessByReadyPods.set(ready, {
    ...level,
    seconds: level.seconds + 1,
    requests: level.requests + excess,
  });
}

/** Opens a shortfall when demand first exceeds capacity, closes it when capacity covers demand again. */
function trackShortfall(shortfalls: Shortfall[], t: number, demand: number, capacity: number): void {
  const open = shortfalls.at(-1);
  if (demand > capacity && (!open || open.end !== null)) shortfalls.push({ start: t, end: null });
  if (demand <= capacity && open && open.end === null) open.end = t;
}

/**
 * Runs the deployment through `durationSeconds` of the profile, one-second ticks, the HPA every sync
 * period. Demand is integrated at each tick's midpoint, so a step at a whole second is exact.
 */
export function simulate(
  profile: TrafficProfile,
  durationSeconds: number,
  settings: SimulationSettings,
): SimulationResult {
  const { bounds, hpa, pod } = settings;
  const cluster: Cluster = {
    desired: bounds.minReplicas,
    pending: 0,
    startingReadyAt: [],
    ready: bounds.minReplicas,
    nodes: settings.cluster.initialNodes,
    provisioningReadyAt: [],
    unneededSince: [],
  };
  let memory: HpaMemory = EMPTY_HPA_MEMORY;
  const samples: SimulationSample[] = [];
  const decisions: ScalingDecision[] = [];
  const shortfalls: Shortfall[] = [];
  const ledger: Ledger = { excessRequests: 0, totalRequests: 0, excessByReadyPods: new Map() };
  let peakReplicas = cluster.desired;
  let peakNodes = cluster.nodes;
  let highestRecommendation = 0;

  for (let t = 0; t <= durationSeconds; t++) {
    settle(cluster, t, settings);
    const demand = profile.demandAt(t);
    if (isSyncTime(t, hpa.syncPeriodSeconds) && cluster.ready > 0) {
      const sync = syncAutoscaler(cluster, memory, t, demand, settings);
      memory = sync.memory;
      highestRecommendation = Math.max(highestRecommendation, sync.recommended);
      if (sync.decision) {
        decisions.push(sync.decision);
        resize(cluster, sync.decision.to);
      }
    }
    launchNodes(cluster, t, settings);
    settle(cluster, t, settings);
    retireNodes(cluster, t, settings);

    const capacity = cluster.ready * pod.effectiveRps;
    trackShortfall(shortfalls, t, demand, capacity);
    peakReplicas = Math.max(peakReplicas, cluster.desired);
    peakNodes = Math.max(peakNodes, cluster.nodes + cluster.provisioningReadyAt.length);
    if (t < durationSeconds) accountSecond(ledger, profile.demandAt(t + 0.5), capacity, cluster.ready);
    if (isSyncTime(t, hpa.syncPeriodSeconds) || t === durationSeconds) {
      samples.push({
        t,
        demandRps: demand,
        capacityRps: capacity,
        desiredReplicas: cluster.desired,
        readyPods: cluster.ready,
        unreadyPods: cluster.pending + cluster.startingReadyAt.length,
        nodes: cluster.nodes,
      });
    }
  }

  return {
    samples,
    decisions,
    shortfalls,
    summary: summarize({
      durationSeconds,
      shortfalls,
      excessRequests: ledger.excessRequests,
      totalRequests: ledger.totalRequests,
      excessByReadyPods: [...ledger.excessByReadyPods.values()].sort((a, b) => a.readyPods - b.readyPods),
      peakReplicas,
      peakNodes,
      highestRecommendation,
      settings,
    }),
  };
}

/** Levels shown in the working of requests above capacity; the rest are summed. */
const EXCESS_LEVELS_SHOWN = 5;

function excessWorking(levels: ExcessAtLevel[], effectiveRps: number, total: number): string {
  if (levels.length === 0) return 'demand never exceeded capacity: 0';
  const term = (l: ExcessAtLevel) =>
    `${fmt(l.seconds)} s at ${l.readyPods} ready (${fmt(l.readyPods * effectiveRps)} req/s): ${fmt(l.requests, 0)}`;
  const shown = levels.slice(0, EXCESS_LEVELS_SHOWN).map(term);
  const rest = levels.slice(EXCESS_LEVELS_SHOWN);
  if (rest.length > 0) {
    const restRequests = rest.reduce((sum, l) => sum + l.requests, 0);
    shown.push(`${rest.length} more levels: ${fmt(restRequests, 0)}`);
  }
  return `${shown.join(' + ')} = ${fmt(total, 0)}`;
}

interface Totals {
  durationSeconds: number;
  shortfalls: Shortfall[];
  excessRequests: number;
  totalRequests: number;
  excessByReadyPods: ExcessAtLevel[];
  peakReplicas: number;
  peakNodes: number;
  highestRecommendation: number;
  settings: SimulationSettings;
}

function timeToCover(shortfalls: Shortfall[], durationSeconds: number): { figure: Figure; covered: boolean } {
  const formula = 'longest shortfall: first second capacity ≥ demand − first second demand > capacity';
  const lengthOf = (s: Shortfall) => (s.end ?? durationSeconds) - s.start;
  const longest = shortfalls.reduce<Shortfall | undefined>(
    (worst, s) => (!worst || lengthOf(s) > lengthOf(worst) ? s : worst),
    undefined,
  );
  if (!longest)
    return { figure: figure(0, 's', formula, 'capacity covered demand throughout'), covered: true };
  const seconds = lengthOf(longest);
  const working =
    longest.end === null
      ? `not covered by the end of the run: t = ${fmt(durationSeconds)} s − t = ${fmt(longest.start)} s = ${fmt(seconds)} s and counting`
      : `t = ${fmt(longest.end)} s − t = ${fmt(longest.start)} s = ${fmt(seconds)} s` +
        (shortfalls.length > 1 ? ` (longest of ${shortfalls.length} shortfalls)` : '');
  return { figure: figure(seconds, 's', formula, working), covered: longest.end !== null };
}

function summarize(totals: Totals): SimulationSummary {
  const { settings, durationSeconds } = totals;
  const { maxReplicas } = settings.bounds;
  const cover = timeToCover(totals.shortfalls, durationSeconds);
  const share = totals.totalRequests > 0 ? (totals.excessRequests / totals.totalRequests) * 100 : 0;
  const excess = Math.round(totals.excessRequests);
  const maxReplicasHit = totals.peakReplicas >= maxReplicas;
  const { highestRecommendation } = totals;
  const ceilingNote =
    highestRecommendation > maxReplicas
      ? `; the metrics asked for ${highestRecommendation}: max replicas (${maxReplicas}) binds`
      : maxReplicasHit
        ? `; max replicas (${maxReplicas}) reached`
        : ` of at most ${maxReplicas}`;
  return {
    durationSeconds,
    timeToCover: cover.figure,
    covered: cover.covered,
    requestsAboveCapacity: figure(
      excess,
      'requests',
      'Σ max(0, demand − ready pods × effective req/s per pod) × 1 s, demand at each second’s midpoint',
      excessWorking(totals.excessByReadyPods, settings.pod.effectiveRps, excess),
    ),
    shareAboveCapacity: figure(
      share,
      '%',
      'requests above capacity ÷ all requests × 100',
      `${fmt(excess, 0)} ÷ ${fmt(totals.totalRequests, 0)} × 100 = ${fmt(share, 3)} %`,
    ),
    peakReplicas: figure(
      totals.peakReplicas,
      'replicas',
      'highest desired replica count',
      `${totals.peakReplicas}${ceilingNote}`,
    ),
    peakNodes: figure(
      totals.peakNodes,
      'nodes',
      'highest count of ready plus launching nodes',
      `${totals.peakNodes} at ${settings.cluster.podsPerNode} pod(s) per node, from ${settings.cluster.initialNodes} at the start`,
    ),
    maxReplicasHit,
    highestRecommendation,
  };
}
