import { figure } from '../../calculators/figure.js';
import type { CapacityPlan } from '../../calculators/plan.js';
import type { PlatformSpec } from '../../config/spec.js';
import { type ReportSection, row } from './sections.js';

/** The capacity plan as report sections, in the order a reader checks it. */
export function capacitySections(spec: PlatformSpec, plan: CapacityPlan): ReportSection[] {
  const { performance: perf, scalability: scale, nodes, nodeGroup, hpa, cost, queueing } = plan;
  const { availability } = plan;
  const latency = spec.requirements.latencyObjective;
  return [
    {
      title: 'Performance (reference document, Performance section: one synchronous worker per request)',
      rows: [
        row('perWorkerRps', 'Requests per worker', perf.perWorkerRps),
        row('normalRps', 'Normal load', perf.requiredRps),
        row('workers', 'Workers', perf.workers),
        row('instances', `${nodes.instanceType} instances`, perf.instances),
        row('workersProvisioned', 'Workers provisioned', perf.workersProvisioned),
      ],
    },
    {
      title: 'Scalability (reference document, Scalability section: pods of one API deployment)',
      rows: [
        row('effectivePerPodRps', 'Effective throughput per pod', scale.effectivePerPodRps),
        row('peakRps', 'Peak load', scale.peakRps),
        row('pods', 'Pods at peak', scale.peakPods),
        row('normalPods', 'Pods at normal load', scale.normalPods),
        row('minReplicas', 'HPA minimum replicas', scale.minReplicas),
        row('maxReplicas', 'HPA maximum replicas', scale.maxReplicas),
      ],
    },
    {
      title: `Nodes (${nodes.instanceType}, kubelet reserve applied)`,
      rows: [
        row('allocatableCpuMillicores', 'Allocatable CPU per node', nodes.allocatableCpuMillicores),
        row('kubeReservedMemoryMiB', 'Memory reserved for the kubelet', nodes.reservedMemoryMiB),
        row('allocatableMemoryMiB', 'Allocatable memory per node', nodes.allocatableMemoryMiB),
        row('podsPerNodeByCpu', 'Pods per node by CPU', nodes.podsPerNodeByCpu),
        row('podsPerNodeByMemory', 'Pods per node by memory', nodes.podsPerNodeByMemory),
        row('podsPerNode', 'Pods per node', nodes.podsPerNode),
        row(
          'deployments',
          'API deployments',
          figure(
            plan.deployments.length,
            'deployments',
            'services × API versions in the spec',
            plan.deployments.map((d) => d.name).join(', '),
          ),
        ),
        row('nodeGroupMin', 'Node group minimum', nodeGroup.minSize),
        row('nodeGroupDesired', 'Node group desired', nodeGroup.desiredSize),
        row('nodeGroupMax', 'Node group maximum', nodeGroup.maxSize),
      ],
    },
    {
      title: 'Autoscaling and queueing',
      rows: [
        row('inflightPerPod', 'Requests in flight per pod', queueing.inflightPerPod),
        row('inflightTarget', 'HPA http_requests_inflight target', hpa.inflightTarget),
        row('cpuAtPeak', 'CPU at peak', hpa.cpuAtPeak),
        row('cpuReplicasAtPeak', 'Replicas the CPU target asks for at peak', hpa.cpuReplicasAtPeak),
        row(
          'podsForLatency',
          `Pods for p${latency.percentile} ≤ ${latency.milliseconds} ms at peak`,
          queueing.peak.pods,
        ),
      ],
    },
    {
      title: `Cost (on-demand, $${cost.pricePerHourUsd}/h, ${cost.hoursPerMonth}-hour months)`,
      rows: [
        row('monthlyCostAtMin', 'Monthly cost at minimum size', cost.monthlyAtMin),
        row('monthlyCostAtMax', 'Monthly cost at maximum size', cost.monthlyAtMax),
      ],
    },
    {
      title: `Availability (target ${availability.targetPercent} %)`,
      rows: [
        row('compositeAvailability', 'Composite availability', availability.composite),
        row(
          'downtimeBudgetPerMonth',
          'Downtime budget per 730-hour month',
          availability.targetBudget.perMonth,
        ),
        row('downtimeBudgetPerYear', 'Downtime budget per year', availability.targetBudget.perYear),
      ],
    },
  ];
}
