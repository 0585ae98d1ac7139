import { z } from 'zod';

/**
 * Every figure the capacity plan is derived from. Defaults reproduce the reference architecture
 * document (shared/reference/promptsales-architecture.md); each carries its source.
 */

const percent = z.number().gt(0).lt(100);
const positive = z.number().positive();
const positiveInt = z.number().int().positive();
/** A positive figure with an upper bound: no input may send a search to infinity or print ∞. */
const bounded = (min: number, max: number, unit: string) =>
  z
    .number()
    .min(min, `must be at least ${min.toLocaleString('en-US')} ${unit}`)
    .max(max, `must be at most ${max.toLocaleString('en-US')} ${unit}`);
/** Ten billion requests a minute (≈ 167 million req/s) is far beyond any plan the node group limit allows. */
export const MAX_RPM = 10_000_000_000;

export const BenchmarksSchema = z
  .object({
    // Performance section: Bednarz & Miłosz, "Benchmarking the performance of Python web frameworks",
    // Django API reading all rows from SQLite, one worker (i7-8750H).
    perRequestLatencyMs: bounded(0.001, 60_000, 'ms')
      .default(75)
      .describe('Latency of one request on one worker, in ms'),
    // Performance section: "r7i.2xlarge (cada una tiene 8 workers)".
    workersPerInstance: positiveInt.max(1_024).default(8).describe('Application workers per instance'),
    // Scalability section: augmentedmind.de 2024 Go vs Python benchmark, Django REST + MySQL,
    // Xeon E3-1230 with 4 CPUs, 200 parallel GETs for one minute.
    perPodRps: bounded(0.01, 10_000_000, 'req/s')
      .default(691.66)
      .describe('Benchmark throughput of one pod, in req/s'),
    // Scalability section: the 691.66 req/s figure was measured "usando 4 CPUs".
    perPodBenchmarkVcpu: bounded(0.01, 1_024, 'vCPU')
      .default(4)
      .describe('vCPUs the per-pod benchmark ran on'),
    // Not in the document: the coefficient of variation of one request's CPU time (standard deviation ÷
    // mean). 1 is the exponential service time of M/M/c; docs/capacity-model.md explains the choice.
    serviceTimeCv: z
      .number()
      .min(0)
      .max(10)
      .default(1)
      .describe('Coefficient of variation of the CPU time per request (1: exponential)'),
  })
  .strict()
  .prefault({});

export const RequirementsSchema = z
  .object({
    // Performance section: "100,000/60 = 1667 req/s".
    normalRpm: bounded(1, MAX_RPM, 'req/min')
      .default(100_000)
      .describe('Sustained load, in requests per minute'),
    // Scalability section: "16,666 req/s (~1,000,000 req/min)".
    peakRpm: bounded(1, MAX_RPM, 'req/min').default(1_000_000).describe('Peak load, in requests per minute'),
    // Scalability section: "si reservamos 10-15%" → 0.85 × 691.66.
    reserve: z.number().min(0).lt(1).default(0.15).describe('Fraction of pod throughput held in reserve'),
    // Availability section: "requerimiento de disponibilidad mínima del 99.9 %".
    slaTargetPercent: percent.default(99.9).describe('Availability target, in percent'),
    // Reliability section: "Tasa de error permitidos 1% transacciones diarias".
    errorBudgetPercent: percent
      .default(1)
      .describe('Allowed share of failed transactions per day, in percent'),
    latencyObjective: z
      .object({
        // Platform objective (not in the document): p99 response time of 200 ms.
        percentile: z.number().gt(0).lt(100).default(99).describe('Latency percentile'),
        milliseconds: bounded(0.001, 600_000, 'ms')
          .default(200)
          .describe('Response time at that percentile, in ms'),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  // Only between two valid figures: a bad one already has its own message.
  .refine((r) => !(r.peakRpm >= 1 && r.normalRpm >= 1) || r.peakRpm >= r.normalRpm, {
    error: (issue) => {
      const r = issue.input as { normalRpm: number; peakRpm: number };
      return `must be at least requirements.normalRpm (${r.normalRpm.toLocaleString('en-US')} req/min), got ${r.peakRpm.toLocaleString('en-US')}: the peak is the higher load`;
    },
    path: ['peakRpm'],
  })
  .prefault({});

export const ComponentSlasSchema = z
  .object({
    // Availability section, each linked to the provider's published SLA.
    alb: percent.default(99.99).describe('Application Load Balancer SLA'),
    eks: percent.default(99.95).describe('Amazon EKS SLA'),
    ec2: percent.default(99.99).describe('Amazon EC2 SLA'),
    aurora: percent.default(99.99).describe('Amazon Aurora Multi-AZ SLA'),
    atlas: percent.default(99.995).describe('MongoDB Atlas SLA'),
    elasticache: percent.default(99.99).describe('Amazon ElastiCache Multi-AZ SLA'),
    // Not in the document's composite; Okta's published uptime commitment (okta.com/legal, 99.99 %).
    okta: percent.default(99.99).describe('Okta identity provider SLA'),
  })
  .strict()
  .prefault({});

export const InstanceSchema = z
  .object({
    // Performance and Scalability sections: "r7i.2xlarge (8 vCPU, 64 GiB)".
    type: z.string().min(1).default('r7i.2xlarge').describe('EC2 instance type of the node group'),
    vcpu: positiveInt.default(8),
    memoryGiB: positive.default(64),
    // AWS eni-max-pods.txt: r7i.2xlarge has 4 ENIs × 15 IPv4 → 4 × (15 − 1) + 2 = 58 with the VPC CNI.
    maxPods: positiveInt.default(58).describe('Pods per node allowed by the VPC CNI'),
    // EKS guidance: 110 pods per node when VPC CNI prefix delegation is on (nodes under 30 vCPU).
    maxPodsWithPrefixDelegation: positiveInt.default(110),
    // Unset: the price list (calculators/prices.json) gives the on-demand price of `type`.
    pricePerHourUsd: bounded(0.0001, 1_000, 'USD')
      .optional()
      .describe('On-demand price per instance-hour, USD (default: the price list)'),
  })
  .strict()
  .prefault({});

export const KubeletReserveSchema = z
  .object({
    // EKS AL2023 bootstrap: 6 % of core 1, 1 % of core 2, 0.5 % of cores 3–4, 0.25 % above → 90m on 8 vCPU.
    cpuMillicores: z.number().min(0).default(90),
    // EKS AL2023 bootstrap: kube-reserved memory = 11 MiB × maxPods + 255 MiB.
    memoryMiBPerPod: z.number().min(0).default(11),
    memoryMiBBase: z.number().min(0).default(255),
    // kubelet default hard eviction threshold memory.available < 100Mi.
    evictionHardMiB: z.number().min(0).default(100),
  })
  .strict()
  .prefault({});

export const PodSchema = z
  .object({
    // Scalability section: "cada pod 4 vCPU / 8 GiB".
    cpuVcpu: bounded(0.01, 448, 'vCPU').default(4),
    memoryGiB: bounded(0.01, 24_576, 'GiB').default(8),
    // A Node.js process runs JavaScript on one CPU: a pod of N CPUs runs N processes (node:cluster).
    processes: positiveInt
      .max(448)
      .optional()
      .describe('Service processes per pod (default: one per requested CPU, at least one)'),
  })
  .strict()
  .superRefine((pod, context) => {
    const processes = processesPerPod(pod);
    if (pod.cpuVcpu > 1 && (processes !== pod.cpuVcpu || !Number.isInteger(pod.cpuVcpu))) {
      context.addIssue({
        code: 'custom',
        path: pod.processes === undefined ? ['cpuVcpu'] : ['processes'],
        message:
          `a pod requesting ${pod.cpuVcpu} CPUs must run ${Number.isInteger(pod.cpuVcpu) ? pod.cpuVcpu : 'a whole number of'} processes ` +
          '(one per CPU), or request at most 1 CPU',
      });
    }
    if (pod.cpuVcpu <= 1 && processes !== 1) {
      context.addIssue({
        code: 'custom',
        path: ['processes'],
        message: `a pod requesting ${pod.cpuVcpu} CPU runs one process; more need one CPU each`,
      });
    }
  })
  .prefault({});

/** The processes a pod runs: the spec's figure, else one per requested CPU (at least one). */
export function processesPerPod(pod: { cpuVcpu: number; processes?: number | undefined }): number {
  return pod.processes ?? Math.max(1, pod.cpuVcpu);
}

export const AutoscalingSchema = z
  .object({
    // Scalability section: HPA on CPU (70 %) and memory (70 %).
    cpuTargetPercent: percent.default(70),
    memoryTargetPercent: percent.default(70),
    // Scalability section: start at ~4 pods (3 for normal load + 1) and grow to 30 (29 for peak + 1).
    spareReplicas: z.number().int().min(0).default(1).describe('Replicas added above the computed need'),
    // Kubernetes HPA defaults (kube-controller-manager and autoscaling/v2 default behavior).
    syncPeriodSeconds: positive.default(15),
    tolerance: z.number().min(0).lt(1).default(0.1),
    scaleUpPercent: positive.default(100),
    scaleUpPods: positiveInt.default(4),
    scaleUpPeriodSeconds: positive.default(15),
    scaleDownStabilizationSeconds: z.number().min(0).default(300),
    // Typical EKS managed node group / Karpenter time from pending pod to Ready node.
    nodeProvisioningSeconds: z.number().min(0).default(90),
    // Time for a scheduled pod to pass its readiness probe.
    podStartupSeconds: z.number().min(0).default(20),
    // Amazon EKS service quota: at most 450 nodes in one managed node group.
    maxNodes: positiveInt.max(450).default(450).describe('Largest node group the plan may ask for'),
  })
  .strict()
  .prefault({});

/** Assumptions of the monthly bill that no document gives: each one documented in docs/capacity-model.md. */
export const CostModelSchema = z
  .object({
    // Request plus response through the ALB: a JSON list page and its headers.
    bytesPerRequest: bounded(1, 10_485_760, 'bytes')
      .default(4_096)
      .describe('Bytes through the ALB per request'),
    // Application log lines per request (access log and errors), JSON, as CloudWatch Logs ingests them.
    logBytesPerRequest: bounded(0, 1_048_576, 'bytes')
      .default(300)
      .describe('Bytes of CloudWatch Logs ingested per request'),
    // NAT carries image pulls and calls to public endpoints, not the API traffic (ALB in, PrivateLink to Atlas).
    natGiBPerNodeMonth: bounded(0, 100_000, 'GiB')
      .default(10)
      .describe('GiB through the NAT gateways per node per month'),
  })
  .strict()
  .prefault({});
