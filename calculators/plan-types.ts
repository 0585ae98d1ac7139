import type { ServiceName } from '../config/schema/infrastructure.js';
import type { AvailabilityReport } from './availability.js';
import type { Bill } from './cost.js';
import type { Figure } from './figure.js';
import type { ProcessModel } from './latency.js';
import type { NodeSizing } from './nodes.js';
import type { QuotaNeed } from './quotas.js';
import type { PodSizing, WorkerSizing } from './throughput.js';

/** Autoscaling settings every HPA of the platform is built from. */
export interface HpaSettings {
  cpuTargetPercent: number;
  memoryTargetPercent: number;
  /** Little's law: the per-pod `http_requests_inflight` average the HPA keeps each pod at, in requests. */
  inflightTarget: Figure;
  /** The same target in Kubernetes milli-units, e.g. "44093m": the quantity the HPA is given. */
  inflightTargetQuantity: string;
  scaleUp: { percent: number; pods: number; periodSeconds: number };
  scaleDownStabilizationSeconds: number;
  scaleDown: { percent: number; periodSeconds: number };
  /** CPU use of the busiest deployment's peak pods, the benchmark throughput counting as 100 % of the request. */
  cpuAtPeak: Figure;
  /** What the CPU metric alone asks for at peak; above max replicas, max replicas is what holds. */
  cpuReplicasAtPeak: Figure;
}

/** One Kubernetes Deployment: a service at one API version, with its own HPA bounds. */
export interface DeploymentPlan {
  service: ServiceName;
  version: number;
  /** `promptcontent-api-v1`: the Deployment, Service and HPA name (reference document, "Versionamiento"). */
  name: string;
  /** `/api/promptcontent/v1`: the path the gateway and the ALB route to this deployment. */
  path: string;
  /** As the spec gives it; the workloads stack resolves it against the service's ECR repository. */
  image?: string | undefined;
  port: number;
  /** Share of the platform's requests this deployment serves (service share × version share). */
  trafficShare: number;
  normalRps: number;
  peakRps: number;
  /** Pods at peak before spares: the larger of what throughput and the latency objective need. */
  peakPods: number;
  minReplicas: number;
  maxReplicas: number;
  processesPerPod: number;
  resources: { cpu: string; memory: string };
  figures: {
    share: Figure;
    peakPodsForThroughput: Figure;
    peakPodsForLatency: Figure;
    peakPods: Figure;
    minReplicas: Figure;
    maxReplicas: Figure;
    latencyAtPeak: Figure;
  };
}

export interface NodeGroupPlan {
  instanceType: string;
  minSize: Figure;
  desiredSize: Figure;
  maxSize: Figure;
}

export interface LatencyReport {
  model: ProcessModel;
  /** The slowest deployment's response time at the objective's percentile, at its peak pods. */
  p99AtPeak: Figure;
  /** Σ over deployments of the pods the latency objective alone needs at peak. */
  podsForObjective: Figure;
  /** Σ over deployments of their peak pods before spares, against the bound whole-platform pods + (deployments − 1). */
  deploymentPeakPods: Figure;
  inflightPerPod: Figure;
}

/** Everything a stack or a report needs: computed once from the spec, read everywhere. */
export interface CapacityPlan {
  environment: string;
  /** Reference document, Performance section: synchronous workers for the normal load. */
  performance: WorkerSizing;
  /** Reference document, Scalability section: pods for the whole platform's normal and peak loads. */
  scalability: PodSizing;
  /** The document's two sections disagree by this factor on one machine's throughput (see the report). */
  performanceGap: Figure;
  nodes: NodeSizing;
  hpa: HpaSettings;
  deployments: DeploymentPlan[];
  nodeGroup: NodeGroupPlan;
  bill: Bill;
  quotas: QuotaNeed[];
  availability: AvailabilityReport;
  latency: LatencyReport;
}
