import { processesPerPod } from '../config/schema/capacity.js';
import type { PlatformSpec } from '../config/spec.js';
import { type Figure, figure, fmt } from './figure.js';
import { type MgcInput, mgcState, servicePercentile, sojournPercentile } from './queueing.js';

/**
 * What queues in a pod: its processes, each a server whose service time is the CPU time of one
 * request. The rest of a request's latency (database and network waits) is a fixed delay that
 * holds no CPU and so does not queue. docs/capacity-model.md gives the model and its source.
 */
export interface ProcessModel {
  processesPerPod: Figure;
  /** CPU time of one request on a whole CPU: benchmark vCPU ÷ benchmark req/s. */
  cpuTimeMs: Figure;
  /** One process's mean service time: CPU time × processes ÷ CPUs of the pod (a process gets its share). */
  serviceTimeMs: Figure;
  /** Benchmark throughput of this spec's pod: processes ÷ service time. */
  podBenchmarkRps: Figure;
  fixedDelayMs: Figure;
  serviceTimeCv: number;
}

export class LatencyModelError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'LatencyModelError';
  }
}

export function processModel(spec: PlatformSpec): ProcessModel {
  const { benchmarks, pod } = spec;
  const processes = processesPerPod(pod);
  const cpuMs = (benchmarks.perPodBenchmarkVcpu / benchmarks.perPodRps) * 1000;
  const serviceMs = (cpuMs * processes) / pod.cpuVcpu;
  const podRps = (processes / serviceMs) * 1000;
  const fixedMs = benchmarks.perRequestLatencyMs - cpuMs;
  if (fixedMs < 0) {
    throw new LatencyModelError([
      `benchmarks.perRequestLatencyMs: ${fmt(benchmarks.perRequestLatencyMs)} ms is less than the CPU time of one ` +
        `request (${fmt(cpuMs)} ms = ${fmt(benchmarks.perPodBenchmarkVcpu)} vCPU ÷ ${fmt(benchmarks.perPodRps)} req/s)`,
    ]);
  }
  return {
    processesPerPod: figure(
      processes,
      'processes',
      pod.processes === undefined ? 'one per requested CPU, at least one' : 'pod.processes',
      `max(1, ${fmt(pod.cpuVcpu)} CPU) = ${processes}`,
    ),
    cpuTimeMs: figure(
      cpuMs,
      'ms',
      'benchmark vCPU ÷ benchmark req/s per pod',
      `${fmt(benchmarks.perPodBenchmarkVcpu)} ÷ ${fmt(benchmarks.perPodRps)} × 1000 = ${fmt(cpuMs, 3)} ms`,
    ),
    serviceTimeMs: figure(
      serviceMs,
      'ms',
      'CPU time × processes per pod ÷ pod CPUs',
      `${fmt(cpuMs, 3)} × ${processes} ÷ ${fmt(pod.cpuVcpu)} = ${fmt(serviceMs, 3)} ms`,
    ),
    podBenchmarkRps: figure(
      podRps,
      'req/s',
      'processes per pod ÷ service time',
      `${processes} ÷ ${fmt(serviceMs, 3)} ms = ${fmt(podRps)} req/s`,
    ),
    fixedDelayMs: figure(
      fixedMs,
      'ms',
      'latency per request − CPU time (database and network waits: no queue)',
      `${fmt(benchmarks.perRequestLatencyMs)} − ${fmt(cpuMs, 3)} = ${fmt(fixedMs, 3)} ms`,
    ),
    serviceTimeCv: benchmarks.serviceTimeCv,
  };
}

function queueOf(model: ProcessModel, arrivalRps: number, pods: number): MgcInput {
  return {
    arrivalRps,
    serviceSeconds: model.serviceTimeMs.value / 1000,
    servers: pods * model.processesPerPod.value,
    serviceCv: model.serviceTimeCv,
  };
}

/** Response time at a percentile with `pods` pods: fixed delay + M/G/c sojourn, ms. */
export function responsePercentileMs(
  model: ProcessModel,
  arrivalRps: number,
  pods: number,
  percentile: number,
): number {
  return model.fixedDelayMs.value + sojournPercentile(queueOf(model, arrivalRps, pods), percentile) * 1000;
}

/** The response-time figure of a deployment at `pods` pods, with its working. */
export function responseFigure(
  model: ProcessModel,
  label: string,
  arrivalRps: number,
  pods: number,
  percentile: number,
): Figure {
  const queue = queueOf(model, arrivalRps, pods);
  const ms = responsePercentileMs(model, arrivalRps, pods, percentile);
  const state = mgcState(queue);
  return figure(
    ms,
    'ms',
    `fixed delay + p${percentile} of the M/G/c sojourn (Allen–Cunneen; c = pods × processes)`,
    `${label}: λ = ${fmt(arrivalRps)} req/s, c = ${pods} × ${model.processesPerPod.value} = ${queue.servers}, ` +
      `s = ${fmt(model.serviceTimeMs.value, 3)} ms, ρ = ${fmt(state.utilisation, 3)}, ` +
      `P(wait) = ${fmt(state.probabilityOfWaiting, 4)}, (Ca² + Cs²) ÷ 2 = ${fmt(state.allenCunneen, 3)}; ` +
      `${fmt(model.fixedDelayMs.value, 3)} + ${fmt(ms - model.fixedDelayMs.value, 3)} = ${fmt(ms)} ms`,
  );
}

/** The least response time at the percentile any pod count reaches: fixed delay + the service time alone. */
export function latencyFloorMs(model: ProcessModel, percentile: number): number {
  return (
    model.fixedDelayMs.value +
    servicePercentile(model.serviceTimeMs.value / 1000, model.serviceTimeCv, percentile) * 1000
  );
}

/**
 * The fewest pods whose response time at the percentile is within `targetMs`, searched between
 * the least stable count and `maxPods` (doubling, then bisection: the percentile falls as pods rise).
 */
export function podsForObjective(
  model: ProcessModel,
  arrivalRps: number,
  percentile: number,
  targetMs: number,
  maxPods: number,
): number {
  const objective = `requirements.latencyObjective: p${percentile} ≤ ${fmt(targetMs)} ms`;
  const floor = latencyFloorMs(model, percentile);
  if (floor > targetMs) {
    throw new LatencyModelError([
      `${objective} cannot be met: with no queueing at all a request's p${percentile} is ${fmt(floor)} ms ` +
        `(fixed delay ${fmt(model.fixedDelayMs.value)} ms + p${percentile} of its CPU time)`,
    ]);
  }
  const meets = (pods: number) => responsePercentileMs(model, arrivalRps, pods, percentile) <= targetMs;
  const perPod = model.processesPerPod.value / (model.serviceTimeMs.value / 1000);
  let low = Math.max(1, Math.floor(arrivalRps / perPod) + 1);
  if (low > maxPods || !meets(maxPods)) {
    throw new LatencyModelError([
      `${objective} needs more than ${fmt(maxPods)} pods for ${fmt(arrivalRps)} req/s, more than the node group may hold`,
    ]);
  }
  if (meets(low)) return low;
  let high = low;
  for (let step = 1; !meets(high); step *= 2) {
    low = high;
    high = Math.min(maxPods, high + step);
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (meets(middle)) high = middle;
    else low = middle;
  }
  return high;
}
