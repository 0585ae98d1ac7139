import { figure, fmt } from '../../calculators/figure.js';
import type { CapacityPlan } from '../../calculators/plan.js';
import { increaseCommand } from '../../calculators/quotas.js';
import type { PlatformSpec } from '../../config/spec.js';
import { type ReportSection, row } from './sections.js';

function trafficSection(plan: CapacityPlan): ReportSection {
  return {
    title:
      'Traffic mix (the reference document gives no split: services share equally unless workloads.services[].trafficShare says otherwise)',
    rows: plan.deployments.flatMap((d) => [
      row(`${d.name}.share`, `${d.name} share of requests`, d.figures.share),
      row(`${d.name}.peakPods`, `${d.name} pods at peak`, d.figures.peakPods),
      row(`${d.name}.minReplicas`, `${d.name} HPA minimum`, d.figures.minReplicas),
      row(`${d.name}.maxReplicas`, `${d.name} HPA maximum`, d.figures.maxReplicas),
    ]),
  };
}

function latencySection(spec: PlatformSpec, plan: CapacityPlan): ReportSection {
  const { model } = plan.latency;
  const { percentile, milliseconds } = spec.requirements.latencyObjective;
  return {
    title: `Process model and latency (M/G/c, Allen–Cunneen; CPU time CV ${fmt(model.serviceTimeCv)}; docs/capacity-model.md)`,
    rows: [
      row('processesPerPod', 'Processes per pod', model.processesPerPod),
      row('cpuTimeMs', 'CPU time per request', model.cpuTimeMs),
      row('serviceTimeMs', 'Service time per process', model.serviceTimeMs),
      row('fixedDelayMs', 'Fixed delay (waits that hold no CPU)', model.fixedDelayMs),
      row('p99AtPeak', `p${percentile} response time at peak`, plan.latency.p99AtPeak),
      row(
        'podsForLatency',
        `Pods for p${percentile} ≤ ${fmt(milliseconds)} ms at peak`,
        plan.latency.podsForObjective,
      ),
      row('deploymentPeakPods', 'Deployment pods at peak', plan.latency.deploymentPeakPods),
    ],
  };
}

function billSection(plan: CapacityPlan): ReportSection[] {
  const { bill } = plan;
  const sources = bill.lines.flatMap((line) =>
    line.prices.map((p) => `${p.key}: $${p.usd} per ${p.per}; ${p.source}; read ${p.read} (${p.checked})`),
  );
  return [
    {
      title: `Monthly bill at the minimum (node group minimum, normal load; ${bill.region} on-demand, ${bill.hoursPerMonth}-hour months)`,
      rows: [
        ...bill.lines.map((line) => row(`bill.${line.key}.atMin`, line.label, line.atMin)),
        row('monthlyCostAtMin', 'Total at the minimum', bill.totalAtMin),
      ],
    },
    {
      title: 'Monthly bill at the maximum (node group maximum, peak load all month: an upper bound)',
      rows: [
        ...bill.lines.map((line) => row(`bill.${line.key}.atMax`, line.label, line.atMax)),
        row('monthlyCostAtMax', 'Total at the maximum', bill.totalAtMax),
      ],
    },
  ].map((section, i) =>
    i === 1 ? { ...section, notes: ['Prices (calculators/prices.json):', ...sources] } : section,
  );
}

function quotaSection(plan: CapacityPlan, region: string): ReportSection {
  return {
    title: `AWS account quotas the plan needs (${region}; defaults of a new account; docs/capacity-model.md#quotas)`,
    rows: plan.quotas.map((quota) =>
      row(
        `quota.${quota.quotaCode}`,
        `${quota.serviceCode} ${quota.quotaCode}`,
        figure(
          quota.needed.value,
          quota.needed.unit,
          `${quota.name}: ${quota.needed.formula}`,
          `${quota.needed.working}; AWS default ${fmt(quota.awsDefault)}: ` +
            (quota.requestNeeded
              ? `request an increase: ${increaseCommand(quota, region)}`
              : 'no request needed'),
        ),
      ),
    ),
  };
}

/** The capacity plan as report sections, in the order a reader checks it. */
export function capacitySections(spec: PlatformSpec, plan: CapacityPlan): ReportSection[] {
  const { performance: perf, scalability: scale, nodes, nodeGroup, hpa } = plan;
  const { availability } = plan;
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
      title:
        'Scalability (reference document, Scalability section: pods for the whole platform, before per-deployment rounding)',
      rows: [
        row('podBenchmarkRps', 'Benchmark throughput per pod', plan.latency.model.podBenchmarkRps),
        row('effectivePerPodRps', 'Effective throughput per pod', scale.effectivePerPodRps),
        row('peakRps', 'Peak load', scale.peakRps),
        row('pods', 'Pods at peak', scale.peakPods),
        row('normalPods', 'Pods at normal load', scale.normalPods),
        row('minReplicas', 'Platform minimum replicas', scale.minReplicas),
        row('maxReplicas', 'Platform maximum replicas', scale.maxReplicas),
        row('performanceGap', 'Scalability ÷ Performance throughput', plan.performanceGap),
      ],
    },
    trafficSection(plan),
    latencySection(spec, plan),
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
      title: 'Autoscaling',
      rows: [
        row('inflightPerPod', 'Requests in flight per pod', plan.latency.inflightPerPod),
        row(
          'inflightTarget',
          `HPA http_requests_inflight target (${hpa.inflightTargetQuantity})`,
          hpa.inflightTarget,
        ),
        row('cpuAtPeak', 'CPU at peak', hpa.cpuAtPeak),
        row('cpuReplicasAtPeak', 'Replicas the CPU target asks for at peak', hpa.cpuReplicasAtPeak),
      ],
    },
    ...billSection(plan),
    quotaSection(plan, spec.environment.region),
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
