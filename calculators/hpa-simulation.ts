import type { PlatformSpec } from '../config/spec.js';
import { ceilExact } from './figure.js';
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
import {
  type Cluster,
  type ClusterSettings,
  launchNodes,
  resize,
  retireNodes,
  settle,
  steadyCluster,
} from './hpa-cluster.js';
import {
  accountSecond,
  type Ledger,
  type Shortfall,
  type SimulationSummary,
  summarize,
  trackShortfall,
} from './hpa-outcome.js';
import type { CapacityPlan, DeploymentPlan } from './plan-types.js';
import type { TrafficProfile } from './traffic-profiles.js';

export type { ClusterSettings } from './hpa-cluster.js';
export type { Shortfall, SimulationSummary } from './hpa-outcome.js';

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
  cluster: ClusterSettings;
}

/** A gunicorn pod's resident memory is set by its workers, not its request rate (assumption, see docs/simulate.md). */
export const DEFAULT_MEMORY_PERCENT = 40;
/** cluster-autoscaler default --scale-down-unneeded-time (10 min). */
export const DEFAULT_NODE_SCALE_DOWN_SECONDS = 600;

export interface SimulationOverrides {
  nodeProvisioningSeconds?: number;
  memoryPercent?: number;
  /** One deployment of the plan, with its own replica bounds; unset: the document's single API deployment. */
  deployment?: DeploymentPlan;
}

/**
 * One deployment's autoscaling: by default the one the reference document sizes (the whole load on
 * one API, the platform's min to max replicas); with `overrides.deployment`, that deployment's bounds.
 */
export function simulationSettings(
  spec: PlatformSpec,
  plan: CapacityPlan,
  overrides: SimulationOverrides = {},
): SimulationSettings {
  const { autoscaling, benchmarks } = spec;
  const minReplicas = overrides.deployment?.minReplicas ?? plan.scalability.minReplicas.value;
  const maxReplicas = overrides.deployment?.maxReplicas ?? plan.scalability.maxReplicas.value;
  const podsPerNode = plan.nodes.podsPerNode.value;
  return {
    bounds: { minReplicas, maxReplicas: Math.max(minReplicas, maxReplicas) },
    hpa: {
      tolerance: autoscaling.tolerance,
      syncPeriodSeconds: autoscaling.syncPeriodSeconds,
      behavior: platformBehavior(
        plan.hpa.scaleUp,
        plan.hpa.scaleDownStabilizationSeconds,
        plan.hpa.scaleDown,
      ),
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

export interface SimulationResult {
  samples: SimulationSample[];
  decisions: ScalingDecision[];
  shortfalls: Shortfall[];
  summary: SimulationSummary;
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

function countsChanged(previous: SimulationSample | undefined, next: SimulationSample): boolean {
  return (
    previous !== undefined &&
    (previous.desiredReplicas !== next.desiredReplicas ||
      previous.readyPods !== next.readyPods ||
      previous.unreadyPods !== next.unreadyPods ||
      previous.nodes !== next.nodes)
  );
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
  const cluster = steadyCluster(bounds.minReplicas, settings.cluster.initialNodes);
  let memory: HpaMemory = EMPTY_HPA_MEMORY;
  const samples: SimulationSample[] = [];
  const decisions: ScalingDecision[] = [];
  const shortfalls: Shortfall[] = [];
  const ledger: Ledger = { excessRequests: 0, totalRequests: 0, excessByReadyPods: new Map() };
  let peakReplicas = cluster.desired;
  let peakNodes = cluster.nodes;
  let highestRecommendation = 0;

  for (let t = 0; t <= durationSeconds; t++) {
    settle(cluster, t, settings.cluster);
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
    launchNodes(cluster, t, settings.cluster);
    settle(cluster, t, settings.cluster);
    retireNodes(cluster, t, settings.cluster);

    const capacity = cluster.ready * pod.effectiveRps;
    trackShortfall(shortfalls, t, demand, capacity);
    peakReplicas = Math.max(peakReplicas, cluster.desired);
    peakNodes = Math.max(peakNodes, cluster.nodes + cluster.provisioningReadyAt.length);
    if (t < durationSeconds) accountSecond(ledger, profile.demandAt(t + 0.5), capacity, cluster.ready);
    const sample: SimulationSample = {
      t,
      demandRps: demand,
      capacityRps: capacity,
      desiredReplicas: cluster.desired,
      readyPods: cluster.ready,
      unreadyPods: cluster.pending + cluster.startingReadyAt.length,
      nodes: cluster.nodes,
    };
    // Every sync, the last second, and every second a count changes: events are plotted at their time.
    if (
      isSyncTime(t, hpa.syncPeriodSeconds) ||
      t === durationSeconds ||
      countsChanged(samples.at(-1), sample)
    ) {
      samples.push(sample);
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
      maxReplicas: bounds.maxReplicas,
      podsPerNode: settings.cluster.podsPerNode,
      initialNodes: settings.cluster.initialNodes,
      effectiveRps: pod.effectiveRps,
    }),
  };
}
