import { ceilExact, type Figure, figure, fmt } from './figure.js';

export const SECONDS_PER_MINUTE = 60;

export function requestsPerSecond(rpm: number, label: string): Figure {
  const rps = rpm / SECONDS_PER_MINUTE;
  return figure(rps, 'req/s', `${label} req/min ÷ 60`, `${fmt(rpm)} ÷ 60 = ${fmt(rps)}`);
}

export interface WorkerSizingInput {
  perRequestLatencyMs: number;
  workersPerInstance: number;
  normalRpm: number;
}

export interface WorkerSizing {
  perWorkerRps: Figure;
  requiredRps: Figure;
  workers: Figure;
  instances: Figure;
  workersProvisioned: Figure;
}

/** The reference document's Performance section: one synchronous worker serves 1 / latency req/s. */
export function sizeWorkers(input: WorkerSizingInput): WorkerSizing {
  const latencySeconds = input.perRequestLatencyMs / 1000;
  const perWorkerRps = 1 / latencySeconds;
  const requiredRps = requestsPerSecond(input.normalRpm, 'normal');
  // rpm × latency / 60 is exact in binary where (rpm / 60) ÷ (1 / latency) is not.
  const workersExact = (input.normalRpm * input.perRequestLatencyMs) / (SECONDS_PER_MINUTE * 1000);
  const workers = ceilExact(workersExact);
  const instances = ceilExact(workers / input.workersPerInstance);
  return {
    perWorkerRps: figure(
      perWorkerRps,
      'req/s',
      '1 ÷ latency per request',
      `1 ÷ ${fmt(latencySeconds, 3)} s = ${fmt(perWorkerRps)}`,
    ),
    requiredRps,
    workers: figure(
      workers,
      'workers',
      'ceil(required req/s ÷ req/s per worker)',
      `ceil(${fmt(requiredRps.value)} ÷ ${fmt(perWorkerRps)}) = ceil(${fmt(workersExact, 3)}) = ${workers}`,
    ),
    instances: figure(
      instances,
      'instances',
      'ceil(workers ÷ workers per instance)',
      `ceil(${workers} ÷ ${input.workersPerInstance}) = ${instances}`,
    ),
    workersProvisioned: figure(
      instances * input.workersPerInstance,
      'workers',
      'instances × workers per instance',
      `${instances} × ${input.workersPerInstance} = ${instances * input.workersPerInstance}`,
    ),
  };
}

export interface PodSizingInput {
  perPodRps: number;
  reserve: number;
  normalRpm: number;
  peakRpm: number;
  spareReplicas: number;
}

export interface PodSizing {
  effectivePerPodRps: Figure;
  normalRps: Figure;
  peakRps: Figure;
  normalPods: Figure;
  peakPods: Figure;
  minReplicas: Figure;
  maxReplicas: Figure;
}

/** The reference document's Scalability section: pods = ceil(load ÷ (benchmark × (1 − reserve))). */
export function sizePods(input: PodSizingInput): PodSizing {
  const effective = input.perPodRps * (1 - input.reserve);
  const normalRps = requestsPerSecond(input.normalRpm, 'normal');
  const peakRps = requestsPerSecond(input.peakRpm, 'peak');
  const podsFor = (load: Figure, label: string): Figure => {
    const exact = load.value / effective;
    const pods = ceilExact(exact);
    return figure(
      pods,
      'pods',
      `ceil(${label} req/s ÷ effective req/s per pod)`,
      `ceil(${fmt(load.value)} ÷ ${fmt(effective)}) = ceil(${fmt(exact)}) = ${pods}`,
    );
  };
  const normalPods = podsFor(normalRps, 'normal');
  const peakPods = podsFor(peakRps, 'peak');
  const withSpare = (pods: Figure, label: string): Figure =>
    figure(
      pods.value + input.spareReplicas,
      'replicas',
      `${label} pods + spare replicas`,
      `${pods.value} + ${input.spareReplicas} = ${pods.value + input.spareReplicas}`,
    );
  return {
    effectivePerPodRps: figure(
      effective,
      'req/s',
      'benchmark req/s per pod × (1 − reserve)',
      `${fmt(input.perPodRps)} × (1 − ${fmt(input.reserve)}) = ${fmt(effective)}`,
    ),
    normalRps,
    peakRps,
    normalPods,
    peakPods,
    minReplicas: withSpare(normalPods, 'normal'),
    maxReplicas: withSpare(peakPods, 'peak'),
  };
}
