import { describe, expect, it } from 'vitest';
import { parseSpec } from '../config/spec.js';
import { figure } from './figure.js';
import {
  LatencyModelError,
  latencyFloorMs,
  type ProcessModel,
  podsForObjective,
  processModel,
  responsePercentileMs,
} from './latency.js';

/** One process per pod, 100 ms of CPU each (μ = 10 req/s), no fixed delay, exponential service. */
const small: ProcessModel = {
  processesPerPod: figure(1, 'processes', '', ''),
  cpuTimeMs: figure(100, 'ms', '', ''),
  serviceTimeMs: figure(100, 'ms', '', ''),
  podBenchmarkRps: figure(10, 'req/s', '', ''),
  fixedDelayMs: figure(0, 'ms', '', ''),
  serviceTimeCv: 1,
};

describe('the process model of the reference pod', () => {
  const model = processModel(parseSpec({}));

  it('runs 4 processes, each request 4 ÷ 691.66 = 5.783 ms of CPU, the other 69.217 ms a fixed delay', () => {
    expect(model.processesPerPod.value).toBe(4);
    expect(model.cpuTimeMs.value).toBeCloseTo(5.78319, 5);
    expect(model.serviceTimeMs.value).toBeCloseTo(5.78319, 5);
    expect(model.fixedDelayMs.value).toBeCloseTo(69.21681, 5);
    expect(model.podBenchmarkRps.value).toBeCloseTo(691.66, 9);
  });

  it('never answers faster than the fixed delay plus the CPU time’s own p99: 69.217 + 5.783 × ln 100 = 95.85 ms', () => {
    expect(latencyFloorMs(model, 99)).toBeCloseTo(69.21681 + 5.78319 * Math.log(100), 3);
    // With 8 pods of 4 processes at the reference deployment's 4,166.67 req/s, above that floor.
    expect(responsePercentileMs(model, 4_166.67, 8, 99)).toBeGreaterThan(latencyFloorMs(model, 99));
  });

  it('gives a pod of half a CPU one process taking twice the CPU time: 11.566 ms', () => {
    const half = processModel(parseSpec({ pod: { cpuVcpu: 0.5, memoryGiB: 1 } }));
    expect(half.processesPerPod.value).toBe(1);
    expect(half.serviceTimeMs.value).toBeCloseTo(11.56638, 4);
  });

  it('refuses a latency below the CPU time of one request', () => {
    expect(() => processModel(parseSpec({ benchmarks: { perRequestLatencyMs: 5 } }))).toThrowError(
      LatencyModelError,
    );
  });
});

describe('podsForObjective', () => {
  it('adds a pod when the percentile, not stability, binds: λ = 8, μ = 10, p99 ≤ 500 ms needs 3', () => {
    // c = 2: P(T > 0.5 s) = 0.0116 > 1 % (worked in queueing.test.ts); c = 3: A = 0.8,
    // B(3, 0.8) = 0.08533 ÷ 2.20533 = 0.03869, C = 0.11608 ÷ 2.23095 = 0.05203, θ = 22:
    // P(T > 0.5) = 0.94797·e^−5 + 0.05203·(22e^−5 − 10e^−11) ÷ 12 = 0.006387 + 0.000642 = 0.00703 ≤ 1 %.
    expect(podsForObjective(small, 8, 99, 500, 1_000)).toBe(3);
    // At p90 two do (1.16 % ≤ 10 %); one does not: M/M/1 p90 = ln 10 ÷ (10 − 8) = 1.15 s.
    expect(podsForObjective(small, 8, 90, 500, 1_000)).toBe(2);
  });

  it('says at once when no pod count can meet the objective: p99 of 100 ms CPU alone is 460.5 ms', () => {
    expect(() => podsForObjective(small, 8, 99, 400, 1_000)).toThrowError(
      /p99 ≤ 400 ms cannot be met: with no queueing at all a request's p99 is 460\.52 ms/,
    );
  });

  it('says when the objective needs more pods than the node group may hold', () => {
    expect(() => podsForObjective(small, 8, 99, 500, 2)).toThrowError(/needs more than 2 pods/);
  });

  it('searches a large deployment quickly and exactly: 150,000 req/s at 5.783 ms', () => {
    const model = processModel(parseSpec({}));
    const pods = podsForObjective(model, 150_000, 99, 200, 100_000);
    // Stability alone needs more than 150,000 × 5.783 ms ÷ 4 = 216.87 pods.
    expect(pods).toBeGreaterThanOrEqual(217);
    expect(responsePercentileMs(model, 150_000, pods, 99)).toBeLessThanOrEqual(200);
    expect(responsePercentileMs(model, 150_000, pods - 1, 99)).toBeGreaterThan(200);
  });
});
