import { SERVICE_DATABASES } from '../config/schema/infrastructure.js';
import type { PlatformSpec } from '../config/spec.js';
import {
  type AvailabilityReport,
  type Component,
  downtimeBudget,
  journey,
  serialFigure,
} from './availability.js';
import { estimateCost } from './cost.js';
import { figure, fmt } from './figure.js';
import { proposeReplicas } from './hpa.js';
import { nodesFor, sizeNode } from './nodes.js';
import type { CapacityPlan, DeploymentPlan, HpaSettings, NodeGroupPlan } from './plan-types.js';
import { inflightPerPod, podsForLatency } from './queueing.js';
import { type PodSizing, sizePods, sizeWorkers } from './throughput.js';

export type { CapacityPlan, DeploymentPlan, HpaSettings, NodeGroupPlan } from './plan-types.js';

/** A spec whose plan cannot be deployed: a pod that fits no node, a node group over its limit. */
export class PlanError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'PlanError';
  }
}

function availabilityOf(spec: PlatformSpec): AvailabilityReport {
  const { slas } = spec;
  const target = spec.requirements.slaTargetPercent;
  const alb = { name: 'ALB', slaPercent: slas.alb };
  const eks = { name: 'EKS', slaPercent: slas.eks };
  const ec2 = { name: 'EC2', slaPercent: slas.ec2 };
  const aurora = { name: 'Aurora', slaPercent: slas.aurora };
  const atlas = { name: 'Atlas', slaPercent: slas.atlas };
  const redis = { name: 'ElastiCache', slaPercent: slas.elasticache };
  const okta = { name: 'Okta', slaPercent: slas.okta };
  const databases: Record<'aurora' | 'atlas', Component> = { aurora, atlas };
  const composite = serialFigure([alb, eks, ec2, aurora, atlas, redis], 'composite');
  return {
    targetPercent: target,
    composite,
    meetsTarget: composite.value >= target,
    targetBudget: downtimeBudget(target),
    compositeDowntime: downtimeBudget(composite.value),
    journeys: spec.workloads.services.map((service) =>
      journey(service.name, [alb, eks, ec2, databases[SERVICE_DATABASES[service.name]], redis, okta], target),
    ),
  };
}

function deploymentsOf(spec: PlatformSpec): DeploymentPlan[] {
  const { requirements, autoscaling, benchmarks, pod } = spec;
  return spec.workloads.services.flatMap((service) =>
    service.versions.map((version) => {
      const sizing = sizePods({
        perPodRps: benchmarks.perPodRps,
        reserve: requirements.reserve,
        normalRpm: requirements.normalRpm * version.loadShare,
        peakRpm: requirements.peakRpm * version.loadShare,
        spareReplicas: autoscaling.spareReplicas,
      });
      // A spare replica keeps every deployment at two or more pods, so one can drain while one serves.
      const minReplicas = Math.max(2, sizing.minReplicas.value);
      return {
        service: service.name,
        version: version.version,
        name: `${service.name}-api-v${version.version}`,
        path: `/api/${service.name}/v${version.version}`,
        image: version.image,
        port: service.port,
        loadShare: version.loadShare,
        minReplicas,
        maxReplicas: Math.max(minReplicas, sizing.maxReplicas.value),
        resources: { cpu: String(pod.cpuVcpu), memory: `${pod.memoryGiB}Gi` },
      } satisfies DeploymentPlan;
    }),
  );
}

function nodeGroupOf(spec: PlatformSpec, deployments: DeploymentPlan[], podsPerNode: number): NodeGroupPlan {
  const sum = (pick: (d: DeploymentPlan) => number) => deployments.reduce((total, d) => total + pick(d), 0);
  const minReplicas = sum((d) => d.minReplicas);
  const maxReplicas = sum((d) => d.maxReplicas);
  const minSize = nodesFor(minReplicas, podsPerNode, 'minimum');
  return {
    instanceType: spec.instance.type,
    minSize: { ...minSize, working: `Σ min replicas = ${minReplicas}; ${minSize.working}` },
    desiredSize: figure(minSize.value, 'nodes', 'start at the minimum size', `${minSize.value}`),
    maxSize: (() => {
      const max = nodesFor(maxReplicas, podsPerNode, 'maximum');
      return { ...max, working: `Σ max replicas = ${maxReplicas}; ${max.working}` };
    })(),
  };
}

/**
 * The reserve keeps each pod at (1 − reserve) of its benchmark at peak, so a CPU target below that
 * share asks for more replicas than the peak needs: the HPA then rests at its maximum.
 */
function cpuAtPeakOf(
  spec: PlatformSpec,
  scalability: PodSizing,
): Pick<HpaSettings, 'cpuAtPeak' | 'cpuReplicasAtPeak'> {
  const pods = scalability.peakPods.value;
  const benchmark = spec.benchmarks.perPodRps;
  const target = spec.autoscaling.cpuTargetPercent;
  const utilisation = (scalability.peakRps.value / (pods * benchmark)) * 100;
  const proposal = proposeReplicas(
    { name: 'cpu', currentValue: utilisation, targetValue: target },
    pods,
    { ready: pods, unready: 0 },
    spec.autoscaling.tolerance,
  );
  const max = scalability.maxReplicas.value;
  // The lowest whole-percent target whose proposal from the peak pods stays within max replicas.
  const targetThatFits = Math.ceil((scalability.peakRps.value / (max * benchmark)) * 100);
  const verdict =
    proposal.replicas > max
      ? `; more than max replicas (${max}), so the HPA rests at its maximum at peak; ` +
        `a CPU target of ${targetThatFits} % or more keeps it within`
      : '';
  return {
    cpuAtPeak: figure(
      utilisation,
      '%',
      'peak req/s ÷ (peak pods × benchmark req/s per pod) × 100',
      `${fmt(scalability.peakRps.value)} ÷ (${pods} × ${fmt(benchmark)}) × 100 = ${fmt(utilisation)} %`,
    ),
    cpuReplicasAtPeak: figure(
      proposal.replicas,
      'replicas',
      `ceil(peak pods × CPU at peak ÷ CPU target), unless within ±${spec.autoscaling.tolerance} of the target`,
      `ceil(${pods} × ${fmt(utilisation)} ÷ ${target}) = ${proposal.replicas}${verdict}`,
    ),
  };
}

function hpaOf(spec: PlatformSpec, scalability: PodSizing): HpaSettings {
  const { autoscaling } = spec;
  const effectivePerPodRps = scalability.effectivePerPodRps.value;
  const inflight = inflightPerPod(effectivePerPodRps, spec.benchmarks.perRequestLatencyMs);
  const target = Math.max(1, Math.floor(inflight.value));
  return {
    cpuTargetPercent: autoscaling.cpuTargetPercent,
    memoryTargetPercent: autoscaling.memoryTargetPercent,
    inflightTarget: figure(
      target,
      'requests',
      `floor(${inflight.formula})`,
      `floor(${inflight.working}) = ${target}`,
    ),
    scaleUp: {
      percent: autoscaling.scaleUpPercent,
      pods: autoscaling.scaleUpPods,
      periodSeconds: autoscaling.scaleUpPeriodSeconds,
    },
    scaleDownStabilizationSeconds: autoscaling.scaleDownStabilizationSeconds,
    ...cpuAtPeakOf(spec, scalability),
  };
}

/** The capacity plan: every size, bound and availability figure the platform is built from. */
export function planCapacity(spec: PlatformSpec): CapacityPlan {
  const { benchmarks, requirements, instance, autoscaling } = spec;
  const performance = sizeWorkers({
    perRequestLatencyMs: benchmarks.perRequestLatencyMs,
    workersPerInstance: benchmarks.workersPerInstance,
    normalRpm: requirements.normalRpm,
  });
  const scalability = sizePods({
    perPodRps: benchmarks.perPodRps,
    reserve: requirements.reserve,
    normalRpm: requirements.normalRpm,
    peakRpm: requirements.peakRpm,
    spareReplicas: autoscaling.spareReplicas,
  });
  const nodes = sizeNode({
    instanceType: instance.type,
    vcpu: instance.vcpu,
    memoryGiB: instance.memoryGiB,
    maxPods: instance.maxPods,
    reserve: spec.kubeletReserve,
    pod: spec.pod,
  });
  const problems: string[] = [];
  if (nodes.podsPerNode.value < 1) {
    problems.push(
      `pod: a ${spec.pod.cpuVcpu} vCPU / ${spec.pod.memoryGiB} GiB pod does not fit one ${instance.type} node ` +
        `(allocatable ${nodes.allocatableCpuMillicores.value}m CPU, ${nodes.allocatableMemoryMiB.value} MiB)`,
    );
    throw new PlanError(problems);
  }
  const deployments = deploymentsOf(spec);
  const nodeGroup = nodeGroupOf(spec, deployments, nodes.podsPerNode.value);
  if (nodeGroup.maxSize.value > autoscaling.maxNodes) {
    problems.push(
      `autoscaling.maxNodes: the deployments' maximum replicas need ${nodeGroup.maxSize.value} nodes, ` +
        `more than the node group may hold (${autoscaling.maxNodes})`,
    );
  }
  if (problems.length > 0) throw new PlanError(problems);
  const effective = scalability.effectivePerPodRps.value;
  return {
    environment: spec.environment.name,
    performance,
    scalability,
    nodes,
    hpa: hpaOf(spec, scalability),
    deployments,
    nodeGroup,
    cost: estimateCost(nodeGroup.minSize.value, nodeGroup.maxSize.value, instance.pricePerHourUsd),
    availability: availabilityOf(spec),
    queueing: {
      peak: podsForLatency({
        arrivalRps: scalability.peakRps.value,
        serviceRpsPerPod: effective,
        percentile: requirements.latencyObjective.percentile,
        targetMs: requirements.latencyObjective.milliseconds,
      }),
      inflightPerPod: inflightPerPod(effective, benchmarks.perRequestLatencyMs),
    },
  };
}
