import { SERVICE_DATABASES } from '../config/schema/infrastructure.js';
import type { PlatformSpec } from '../config/spec.js';
import {
  type AvailabilityReport,
  type Component,
  downtimeBudget,
  journey,
  serialFigure,
} from './availability.js';
import { estimateBill, PriceError } from './cost.js';
import { type Figure, figure, fmt } from './figure.js';
import { proposeReplicas } from './hpa.js';
import {
  LatencyModelError,
  type ProcessModel,
  podsForObjective,
  processModel,
  responseFigure,
} from './latency.js';
import { type NodeSizing, nodesFor, sizeNode } from './nodes.js';
import type {
  CapacityPlan,
  DeploymentPlan,
  HpaSettings,
  LatencyReport,
  NodeGroupPlan,
} from './plan-types.js';
import { inflightPerPod } from './queueing.js';
import { quotaNeeds } from './quotas.js';
import { type PodSizing, sizePods, sizeWorkers } from './throughput.js';
import { trafficMix } from './traffic-mix.js';

export type { CapacityPlan, DeploymentPlan, HpaSettings, NodeGroupPlan } from './plan-types.js';

/** A spec whose plan cannot be deployed: a pod that fits no node, a node group over its limit. */
export class PlanError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'PlanError';
  }
}

/** Every deployment keeps two pods or more, so one can drain while one serves. */
export const MIN_DEPLOYMENT_REPLICAS = 2;

function availabilityOf(spec: PlatformSpec): AvailabilityReport {
  const { slas } = spec;
  const target = spec.requirements.slaTargetPercent;
  // Each SLA is the provider's published figure for the redundant setup the stacks deploy (ALB over
  // its zones, EC2 at region level, Aurora and ElastiCache Multi-AZ): no parallel term on top of it.
  const alb = { name: 'ALB', slaPercent: slas.alb };
  const eks = { name: 'EKS (control plane)', slaPercent: slas.eks };
  const ec2 = { name: 'EC2 (region)', slaPercent: slas.ec2 };
  const aurora = { name: 'Aurora Multi-AZ', slaPercent: slas.aurora };
  const atlas = { name: 'Atlas', slaPercent: slas.atlas };
  const redis = { name: 'ElastiCache Multi-AZ', slaPercent: slas.elasticache };
  const okta = { name: 'Okta', slaPercent: slas.okta };
  const databases: Record<'aurora' | 'atlas', Component> = { aurora, atlas };
  const composite = serialFigure([alb, eks, ec2, aurora, atlas, redis], 'composite');
  const journeys = spec.workloads.services.map((service) =>
    journey(service.name, [alb, eks, ec2, databases[SERVICE_DATABASES[service.name]], redis, okta], target),
  );
  return {
    targetPercent: target,
    composite,
    meetsTarget: composite.value >= target,
    journeysMeetTarget: journeys.every((j) => j.meetsTarget),
    targetBudget: downtimeBudget(target),
    compositeDowntime: downtimeBudget(composite.value),
    journeys,
  };
}

function deploymentsOf(
  spec: PlatformSpec,
  model: ProcessModel,
  maxPodsPerDeployment: number,
): DeploymentPlan[] {
  const { requirements, autoscaling, pod } = spec;
  const { percentile, milliseconds } = requirements.latencyObjective;
  const images = new Map(
    spec.workloads.services.flatMap((s) =>
      s.versions.map((v) => [`${s.name}/${v.version}`, v.image] as const),
    ),
  );
  const ports = new Map(spec.workloads.services.map((s) => [s.name, s.port]));
  return trafficMix(spec.workloads.services).map(({ service, version, share }) => {
    const sizing = sizePods({
      perPodRps: model.podBenchmarkRps.value,
      reserve: requirements.reserve,
      normalRpm: requirements.normalRpm * share.value,
      peakRpm: requirements.peakRpm * share.value,
      spareReplicas: autoscaling.spareReplicas,
    });
    const peakRps = sizing.peakRps.value;
    const latencyPods = podsForObjective(model, peakRps, percentile, milliseconds, maxPodsPerDeployment);
    const throughputPods = sizing.peakPods.value;
    const peakPods = Math.max(throughputPods, latencyPods);
    const peakPodsFigure = figure(
      peakPods,
      'pods',
      'max(pods for throughput, pods for the latency objective)',
      `max(${throughputPods}, ${latencyPods}) = ${peakPods}`,
    );
    const normalWithSpare = sizing.normalPods.value + autoscaling.spareReplicas;
    const minReplicas = Math.max(MIN_DEPLOYMENT_REPLICAS, normalWithSpare);
    const maxReplicas = Math.max(minReplicas, peakPods + autoscaling.spareReplicas);
    const name = `${service}-api-v${version}`;
    return {
      service,
      version,
      name,
      path: `/api/${service}/v${version}`,
      image: images.get(`${service}/${version}`)!,
      port: ports.get(service)!,
      trafficShare: share.value,
      normalRps: sizing.normalRps.value,
      peakRps,
      peakPods,
      minReplicas,
      maxReplicas,
      processesPerPod: model.processesPerPod.value,
      resources: { cpu: String(pod.cpuVcpu), memory: `${pod.memoryGiB}Gi` },
      figures: {
        share,
        peakPodsForThroughput: {
          ...sizing.peakPods,
          working: `${fmt(share.value, 4)} of the peak: ${sizing.peakPods.working}`,
        },
        peakPodsForLatency: figure(
          latencyPods,
          'pods',
          `fewest pods with p${percentile} ≤ ${fmt(milliseconds)} ms (fixed delay + M/G/c sojourn)`,
          `λ = ${fmt(peakRps)} req/s, ${model.processesPerPod.value} processes per pod: ${latencyPods} pods`,
        ),
        peakPods: peakPodsFigure,
        minReplicas: figure(
          minReplicas,
          'replicas',
          `max(${MIN_DEPLOYMENT_REPLICAS}, normal pods + spare replicas)`,
          `max(${MIN_DEPLOYMENT_REPLICAS}, ${sizing.normalPods.value} + ${autoscaling.spareReplicas}) = ${minReplicas}`,
        ),
        maxReplicas: figure(
          maxReplicas,
          'replicas',
          'max(minimum, peak pods + spare replicas)',
          `max(${minReplicas}, ${peakPods} + ${autoscaling.spareReplicas}) = ${maxReplicas}`,
        ),
        latencyAtPeak: responseFigure(model, name, peakRps, peakPods, percentile),
      },
    } satisfies DeploymentPlan;
  });
}

function nodeGroupOf(spec: PlatformSpec, deployments: DeploymentPlan[], podsPerNode: number): NodeGroupPlan {
  const sum = (pick: (d: DeploymentPlan) => number) => deployments.reduce((total, d) => total + pick(d), 0);
  const minReplicas = sum((d) => d.minReplicas);
  const maxReplicas = sum((d) => d.maxReplicas);
  const minSize = nodesFor(minReplicas, podsPerNode, 'minimum');
  const max = nodesFor(maxReplicas, podsPerNode, 'maximum');
  return {
    instanceType: spec.instance.type,
    minSize: { ...minSize, working: `Σ min replicas = ${minReplicas}; ${minSize.working}` },
    desiredSize: figure(minSize.value, 'nodes', 'start at the minimum size', `${minSize.value}`),
    maxSize: { ...max, working: `Σ max replicas = ${maxReplicas}; ${max.working}` },
  };
}

/** The lowest whole-percent CPU target whose HPA proposal from the peak pods stays within max replicas. */
export function lowestFittingCpuTarget(
  utilisation: number,
  pods: number,
  maxReplicas: number,
  tolerance: number,
): number | undefined {
  for (let target = 1; target < 100; target++) {
    const proposal = proposeReplicas(
      { name: 'cpu', currentValue: utilisation, targetValue: target },
      pods,
      { ready: pods, unready: 0 },
      tolerance,
    );
    if (proposal.replicas <= maxReplicas) return target;
  }
  return undefined;
}

/**
 * The reserve keeps each pod at (1 − reserve) of its benchmark at peak, so a CPU target below that
 * share asks for more replicas than the peak needs: the HPA then rests at its maximum.
 */
function cpuAtPeakOf(
  spec: PlatformSpec,
  model: ProcessModel,
  busiest: DeploymentPlan,
): Pick<HpaSettings, 'cpuAtPeak' | 'cpuReplicasAtPeak'> {
  const pods = busiest.peakPods;
  const benchmark = model.podBenchmarkRps.value;
  const { cpuTargetPercent: target, tolerance } = spec.autoscaling;
  const utilisation = (busiest.peakRps / (pods * benchmark)) * 100;
  const proposal = proposeReplicas(
    { name: 'cpu', currentValue: utilisation, targetValue: target },
    pods,
    { ready: pods, unready: 0 },
    tolerance,
  );
  const max = busiest.maxReplicas;
  const fitting = lowestFittingCpuTarget(utilisation, pods, max, tolerance);
  const verdict =
    proposal.replicas > max
      ? `; more than max replicas (${max}), so the HPA rests at its maximum at peak; ` +
        `a CPU target of ${fitting ?? 'no'} % or more keeps it within (tolerance ${tolerance} counted)`
      : '';
  return {
    cpuAtPeak: figure(
      utilisation,
      '%',
      `${busiest.name}: peak req/s ÷ (peak pods × benchmark req/s per pod) × 100`,
      `${fmt(busiest.peakRps)} ÷ (${pods} × ${fmt(benchmark)}) × 100 = ${fmt(utilisation)} %`,
    ),
    cpuReplicasAtPeak: figure(
      proposal.replicas,
      'replicas',
      `ceil(peak pods × CPU at peak ÷ CPU target), unless within ±${tolerance} of the target`,
      `ratio ${fmt(utilisation)} ÷ ${target} = ${fmt(utilisation / target, 3)}: ${proposal.replicas} replicas${verdict}`,
    ),
  };
}

function hpaOf(
  spec: PlatformSpec,
  model: ProcessModel,
  scalability: PodSizing,
  busiest: DeploymentPlan,
): HpaSettings {
  const { autoscaling } = spec;
  const inflight = inflightPerPod(scalability.effectivePerPodRps.value, spec.benchmarks.perRequestLatencyMs);
  const milli = Math.max(1, Math.floor(inflight.value * 1000));
  return {
    cpuTargetPercent: autoscaling.cpuTargetPercent,
    memoryTargetPercent: autoscaling.memoryTargetPercent,
    inflightTarget: figure(
      milli / 1000,
      'requests',
      `${inflight.formula}, in whole milli-requests`,
      `floor(${inflight.working.split(' = ')[0]} × 1000) m = ${milli}m = ${fmt(milli / 1000, 3)}`,
    ),
    inflightTargetQuantity: `${milli}m`,
    scaleUp: {
      percent: autoscaling.scaleUpPercent,
      pods: autoscaling.scaleUpPods,
      periodSeconds: autoscaling.scaleUpPeriodSeconds,
    },
    scaleDownStabilizationSeconds: autoscaling.scaleDownStabilizationSeconds,
    scaleDown: { ...spec.podRuntime.scaleDownPolicy },
    ...cpuAtPeakOf(spec, model, busiest),
  };
}

function performanceGapOf(spec: PlatformSpec, scalability: PodSizing): Figure {
  const perInstance = (spec.benchmarks.workersPerInstance * 1000) / spec.benchmarks.perRequestLatencyMs;
  const perPod = scalability.effectivePerPodRps.value;
  const gap = perPod / perInstance;
  return figure(
    gap,
    'times',
    'effective req/s per pod (Scalability) ÷ req/s per instance (Performance: workers × 1 ÷ latency)',
    `${fmt(perPod)} ÷ (${spec.benchmarks.workersPerInstance} × ${fmt(1000 / spec.benchmarks.perRequestLatencyMs)}) = ` +
      `${fmt(perPod)} ÷ ${fmt(perInstance)} = ${fmt(gap)}: the Performance section blocks a worker for a request's ` +
      'whole latency; the Scalability benchmark overlaps its waits. The plan sizes pods from the Scalability figure',
  );
}

function latencyOf(
  spec: PlatformSpec,
  model: ProcessModel,
  deployments: DeploymentPlan[],
  scalability: PodSizing,
): LatencyReport {
  const { percentile, milliseconds } = spec.requirements.latencyObjective;
  const slowest = deployments.reduce((a, b) =>
    b.figures.latencyAtPeak.value > a.figures.latencyAtPeak.value ? b : a,
  );
  const forObjective = deployments.reduce((sum, d) => sum + d.figures.peakPodsForLatency.value, 0);
  const peakPods = deployments.reduce((sum, d) => sum + d.peakPods, 0);
  const bound = scalability.peakPods.value + deployments.length - 1;
  return {
    model,
    p99AtPeak: {
      ...slowest.figures.latencyAtPeak,
      formula: `slowest deployment at its peak pods: ${slowest.figures.latencyAtPeak.formula}`,
    },
    podsForObjective: figure(
      forObjective,
      'pods',
      `Σ over deployments of the fewest pods with p${percentile} ≤ ${fmt(milliseconds)} ms at their peak`,
      deployments.map((d) => `${d.name} ${d.figures.peakPodsForLatency.value}`).join(' + ') +
        ` = ${forObjective}`,
    ),
    deploymentPeakPods: figure(
      peakPods,
      'pods',
      'Σ deployment peak pods (rounded up per deployment, before spares)',
      `${deployments.map((d) => d.peakPods).join(' + ')} = ${peakPods}` +
        (peakPods <= bound
          ? ` ≤ ${scalability.peakPods.value} + (${deployments.length} − 1) = ${bound}`
          : `, above ${bound}: the latency objective, not throughput, sets some deployments`),
    ),
    inflightPerPod: inflightPerPod(scalability.effectivePerPodRps.value, spec.benchmarks.perRequestLatencyMs),
  };
}

function nodesOf(spec: PlatformSpec): NodeSizing {
  const { instance } = spec;
  const nodes = sizeNode({
    instanceType: instance.type,
    vcpu: instance.vcpu,
    memoryGiB: instance.memoryGiB,
    maxPods: instance.maxPods,
    reserve: spec.kubeletReserve,
    pod: spec.pod,
  });
  if (nodes.podsPerNode.value < 1) {
    throw new PlanError([
      `pod: a ${spec.pod.cpuVcpu} vCPU / ${spec.pod.memoryGiB} GiB pod does not fit one ${instance.type} node ` +
        `(allocatable ${nodes.allocatableCpuMillicores.value}m CPU, ${nodes.allocatableMemoryMiB.value} MiB)`,
    ]);
  }
  return nodes;
}

/** The capacity plan: every size, bound and availability figure the platform is built from. */
export function planCapacity(spec: PlatformSpec): CapacityPlan {
  try {
    return plan(spec);
  } catch (error) {
    if (error instanceof LatencyModelError || error instanceof PriceError)
      throw new PlanError(error.problems);
    throw error;
  }
}

function plan(spec: PlatformSpec): CapacityPlan {
  const { benchmarks, requirements, instance, autoscaling } = spec;
  const performance = sizeWorkers({
    perRequestLatencyMs: benchmarks.perRequestLatencyMs,
    workersPerInstance: benchmarks.workersPerInstance,
    normalRpm: requirements.normalRpm,
  });
  const model = processModel(spec);
  const scalability = sizePods({
    perPodRps: model.podBenchmarkRps.value,
    reserve: requirements.reserve,
    normalRpm: requirements.normalRpm,
    peakRpm: requirements.peakRpm,
    spareReplicas: autoscaling.spareReplicas,
  });
  const nodes = nodesOf(spec);
  const maxPods = autoscaling.maxNodes * nodes.podsPerNode.value;
  if (scalability.peakPods.value > maxPods) {
    throw new PlanError([
      `autoscaling.maxNodes: the peak needs ${fmt(scalability.peakPods.value)} pods, more than ${autoscaling.maxNodes} nodes ` +
        `× ${nodes.podsPerNode.value} pods per node can hold`,
    ]);
  }
  const deployments = deploymentsOf(spec, model, maxPods);
  const nodeGroup = nodeGroupOf(spec, deployments, nodes.podsPerNode.value);
  if (nodeGroup.maxSize.value > autoscaling.maxNodes) {
    throw new PlanError([
      `autoscaling.maxNodes: the deployments' maximum replicas need ${nodeGroup.maxSize.value} nodes, ` +
        `more than the node group may hold (${autoscaling.maxNodes})`,
    ]);
  }
  const busiest = deployments.reduce((a, b) => (b.peakRps > a.peakRps ? b : a));
  const natGateways = spec.network.natGateways === 'one-per-az' ? spec.network.availabilityZones.length : 1;
  return {
    environment: spec.environment.name,
    performance,
    scalability,
    performanceGap: performanceGapOf(spec, scalability),
    nodes,
    hpa: hpaOf(spec, model, scalability, busiest),
    deployments,
    nodeGroup,
    bill: estimateBill(spec, {
      minNodes: nodeGroup.minSize.value,
      maxNodes: nodeGroup.maxSize.value,
      normalRps: scalability.normalRps.value,
      peakRps: scalability.peakRps.value,
    }),
    quotas: quotaNeeds({
      maxNodes: nodeGroup.maxSize.value,
      vcpuPerNode: instance.vcpu,
      instanceType: instance.type,
      peakRps: scalability.peakRps.value,
      natGateways,
      zones: spec.network.availabilityZones.length,
      nodeGroups: 1,
    }),
    availability: availabilityOf(spec),
    latency: latencyOf(spec, model, deployments, scalability),
  };
}
