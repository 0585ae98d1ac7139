import { z } from 'zod';

/**
 * Every figure the capacity plan is derived from. Defaults reproduce the reference architecture
 * document (shared/reference/promptsales-architecture.md); each carries its source.
 */

const percent = z.number().gt(0).lt(100);
const positive = z.number().positive();
const positiveInt = z.number().int().positive();

export const BenchmarksSchema = z
  .object({
    // Performance section: Bednarz & Miłosz, "Benchmarking the performance of Python web frameworks",
    // Django API reading all rows from SQLite, one worker (i7-8750H).
    perRequestLatencyMs: positive.default(75).describe('Latency of one request on one worker, in ms'),
    // Performance section: "r7i.2xlarge (cada una tiene 8 workers)".
    workersPerInstance: positiveInt.default(8).describe('Application workers per instance'),
    // Scalability section: augmentedmind.de 2024 Go vs Python benchmark, Django REST + MySQL,
    // Xeon E3-1230 with 4 CPUs, 200 parallel GETs for one minute.
    perPodRps: positive.default(691.66).describe('Benchmark throughput of one pod, in req/s'),
    // Scalability section: the 691.66 req/s figure was measured "usando 4 CPUs".
    perPodBenchmarkVcpu: positive.default(4).describe('vCPUs the per-pod benchmark ran on'),
  })
  .strict()
  .prefault({});

export const RequirementsSchema = z
  .object({
    // Performance section: "100,000/60 = 1667 req/s".
    normalRpm: positive.default(100_000).describe('Sustained load, in requests per minute'),
    // Scalability section: "16,666 req/s (~1,000,000 req/min)".
    peakRpm: positive.default(1_000_000).describe('Peak load, in requests per minute'),
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
        milliseconds: positive.default(200).describe('Response time at that percentile, in ms'),
      })
      .strict()
      .prefault({}),
  })
  .strict()
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
    // AWS price list, 2026-01, on-demand Linux us-east-1.
    pricePerHourUsd: positive.default(0.5292).describe('On-demand price per instance-hour, USD'),
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
    cpuVcpu: positive.default(4),
    memoryGiB: positive.default(8),
  })
  .strict()
  .prefault({});

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
    maxNodes: positiveInt.default(450).describe('Largest node group the plan may ask for'),
  })
  .strict()
  .prefault({});
