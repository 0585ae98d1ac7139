import type { ServiceName } from '../config/schema/infrastructure.js';
import type { AvailabilityReport } from './availability.js';
import type { CostEstimate } from './cost.js';
import type { Figure } from './figure.js';
import type { NodeSizing } from './nodes.js';
import type { QueueingReport } from './queueing.js';
import type { PodSizing, WorkerSizing } from './throughput.js';

/** Autoscaling settings every HPA of the platform is built from. */
export interface HpaSettings {
  cpuTargetPercent: number;
  memoryTargetPercent: number;
  /** Little's law: the per-pod `http_requests_inflight` average the HPA keeps each pod at. */
  inflightTarget: Figure;
  scaleUp: { percent: number; pods: number; periodSeconds: number };
  scaleDownStabilizationSeconds: number;
  /** CPU use of the peak pods, the benchmark throughput counting as 100 % of the pod's request. */
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
  loadShare: number;
  minReplicas: number;
  maxReplicas: number;
  resources: { cpu: string; memory: string };
}

export interface NodeGroupPlan {
  instanceType: string;
  minSize: Figure;
  desiredSize: Figure;
  maxSize: Figure;
}

/** Everything a stack or a report needs: computed once from the spec, read everywhere. */
export interface CapacityPlan {
  environment: string;
  /** Reference document, Performance section: synchronous workers for the normal load. */
  performance: WorkerSizing;
  /** Reference document, Scalability section: pods for the normal and peak loads, one API deployment. */
  scalability: PodSizing;
  nodes: NodeSizing;
  hpa: HpaSettings;
  deployments: DeploymentPlan[];
  nodeGroup: NodeGroupPlan;
  cost: CostEstimate;
  availability: AvailabilityReport;
  queueing: QueueingReport;
}
