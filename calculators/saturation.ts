import { fmt } from './figure.js';

/** One load level of a saturation search: a closed loop of `connections` clients. */
export interface LoadStep {
  connections: number;
  requestsPerSecond: number;
  latencyP99Ms: number;
  /** Share of the attempts that failed: connection errors, timeouts, non-2xx. */
  failedShare: number;
  /** CPU the load generator itself used, as a share of one CPU over the step. */
  generatorCpuShare: number;
}

export interface SaturationRules {
  /** Throughput growing by less than this share when connections double means saturation. */
  minGain: number;
  /** The spec's percentile objective: a p99 above it ends the search at the step before. */
  objectiveMs: number;
  maxConnections: number;
  maxFailedShare: number;
  /** A generator above this share of a CPU may be the bottleneck itself: the search stops. */
  maxGeneratorCpuShare: number;
}

export type SaturationVerdict =
  | { kind: 'continue'; nextConnections: number }
  | { kind: 'knee'; knee: LoadStep; reason: string }
  | { kind: 'refused'; reason: string };

const pct = (x: number) => `${fmt(x * 100, 1)} %`;

/**
 * After each step: is this the knee (throughput stopped growing, or the latency objective broke),
 * a reason not to trust any figure, or a cue to double the connections?
 */
export function judgeSteps(steps: LoadStep[], rules: SaturationRules): SaturationVerdict {
  const step = steps.at(-1)!;
  const previous = steps.at(-2);
  if (step.failedShare > rules.maxFailedShare) {
    return {
      kind: 'refused',
      reason: `${pct(step.failedShare)} of requests failed at ${step.connections} connections (at most ${pct(rules.maxFailedShare)})`,
    };
  }
  if (step.generatorCpuShare >= rules.maxGeneratorCpuShare) {
    return {
      kind: 'refused',
      reason:
        `the load generator used ${pct(step.generatorCpuShare)} of a CPU at ${step.connections} connections: ` +
        'it, not the service, may be the limit; run it on another machine',
    };
  }
  if (step.latencyP99Ms > rules.objectiveMs) {
    if (!previous) {
      return {
        kind: 'refused',
        reason: `p99 ${fmt(step.latencyP99Ms)} ms at one connection already breaks the ${fmt(rules.objectiveMs)} ms objective`,
      };
    }
    return {
      kind: 'knee',
      knee: previous,
      reason: `p99 ${fmt(step.latencyP99Ms)} ms at ${step.connections} connections breaks the ${fmt(rules.objectiveMs)} ms objective`,
    };
  }
  if (previous) {
    const gain = step.requestsPerSecond / previous.requestsPerSecond - 1;
    if (gain < rules.minGain) {
      return {
        kind: 'knee',
        knee: previous,
        reason: `throughput grew ${pct(gain)} from ${previous.connections} to ${step.connections} connections (less than ${pct(rules.minGain)})`,
      };
    }
    if (step.connections >= rules.maxConnections) {
      return {
        kind: 'refused',
        reason:
          `never saturated: throughput still grew ${pct(gain)} from ${previous.connections} to ${step.connections} connections ` +
          `with p99 ${fmt(step.latencyP99Ms)} ms; the service waits rather than computes (or needs more than ` +
          `--max-connections ${rules.maxConnections}), so no capacity figure can be read from it`,
      };
    }
  } else if (step.connections >= rules.maxConnections) {
    return { kind: 'refused', reason: `one step at ${step.connections} connections cannot show a knee` };
  }
  return { kind: 'continue', nextConnections: Math.min(rules.maxConnections, step.connections * 2) };
}

/** Little's law at the knee: W = L ÷ λ, the per-request latency of a closed loop of N clients. */
export function littleLatencyMs(knee: LoadStep): number {
  return (knee.connections / knee.requestsPerSecond) * 1000;
}
