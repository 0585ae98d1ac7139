import { describe, expect, it } from 'vitest';
import { loadEnvironmentSpec } from '../config/spec.js';
import { platformBehavior } from './hpa.js';
import { observeMetrics, type SimulationSettings, simulate, simulationSettings } from './hpa-simulation.js';
import { planCapacity } from './plan.js';
import { csvProfile, stepProfile } from './traffic-profiles.js';

const spec = loadEnvironmentSpec('prod');
const plan = planCapacity(spec);
const prod = simulationSettings(spec, plan);
const levels = { normalRps: plan.scalability.normalRps.value, peakRps: plan.scalability.peakRps.value };

/**
 * A deployment small enough to follow second by second: 1 to 2 pods of 10 req/s (benchmark and
 * effective alike), 0.1 s per request so the in-flight target of 1 matches 10 req/s, one pod per
 * node, a node in 5 s, a pod ready 3 s after it is scheduled.
 */
const tiny: SimulationSettings = {
  bounds: { minReplicas: 1, maxReplicas: 2 },
  hpa: {
    tolerance: 0.1,
    syncPeriodSeconds: 15,
    behavior: platformBehavior({ percent: 100, pods: 4, periodSeconds: 15 }, 300),
    cpuTargetPercent: 70,
    memoryTargetPercent: 70,
    inflightTarget: 1,
  },
  pod: { benchmarkRps: 10, effectiveRps: 10, latencySeconds: 0.1, memoryPercent: 35 },
  cluster: {
    podsPerNode: 1,
    initialNodes: 1,
    nodeProvisioningSeconds: 5,
    podStartupSeconds: 3,
    nodeScaleDownSeconds: 600,
  },
};

describe('observeMetrics', () => {
  it('reads the prod plan at normal load on 4 pods: CPU 60 %, memory 40 %, in-flight 31.25', () => {
    // 1,666.67 ÷ 4 = 416.67 req/s per pod; 416.67 ÷ 691.66 = 60.24 % → whole percent 60;
    // in flight 416.67 × 0.075 s = 31.25 against the Little's-law target 44.093 (587.911 × 0.075 in milli-requests).
    const metrics = observeMetrics(levels.normalRps, 4, prod);
    expect(metrics.map((m) => [m.name, m.currentValue, m.targetValue])).toEqual([
      ['cpu', 60, 70],
      ['memory', 40, 70],
      ['http_requests_inflight', expect.closeTo(31.25, 9), 44.093],
    ]);
  });

  it('saturates CPU at 100 % of the request once demand per pod passes the benchmark', () => {
    // 16,666.67 ÷ 4 = 4,166.67 req/s per pod, six times the benchmark: CPU reads 100, in-flight 312.5.
    const [cpu, , inflight] = observeMetrics(levels.peakRps, 4, prod);
    expect(cpu?.currentValue).toBe(100);
    expect(inflight?.currentValue).toBeCloseTo(312.5, 9);
  });
});

describe('simulate: the prod plan under a step from normal to peak at t = 60 s', () => {
  const result = simulate(stepProfile(levels, 60), 900, prod);

  it('doubles 4 → 8 → 16 by the scale-up policy, reaches 29 on the third sync and 30 on the eleventh', () => {
    // t = 60: in-flight 312.5 vs 44 → ceil(4 × 7.102) = 29; policy max(ceil(4 × 2), 4 + 4) = 8.
    // t = 75: 4 ready, 4 unready; diluted 3.55 > 1.1 → 29; policy from 8 → 16.
    // t = 90: policy from 16 → 32 ≥ 29 → 29.
    // t = 105 … 195: new pods are not ready; diluted ratios fall below 1 → the count holds at 29.
    // t = 210: all 29 ready since t = 200: CPU 16,666.67 ÷ 29 ÷ 691.66 = 83 % → ceil(29 × 83 ÷ 70) = 35 → max 30.
    expect(result.decisions.map((d) => [d.t, d.from, d.to, d.limitedBy])).toEqual([
      [60, 4, 8, 'scale-up policy'],
      [75, 8, 16, 'scale-up policy'],
      [90, 16, 29, 'desired'],
      [210, 29, 30, 'max replicas'],
    ]);
    const syncsAfterStep = (210 - 60) / 15 + 1;
    expect(syncsAfterStep).toBe(11);
    expect(result.summary.highestRecommendation).toBe(35);
    expect(result.summary.maxReplicasHit).toBe(true);
  });

  it('adds no capacity before node provisioning (90 s) plus pod start (20 s) have passed', () => {
    // Nodes asked for at t = 60, 75, 90 are Ready at 150, 165, 180; their pods at 170, 185, 200.
    const readyAt = (t: number) => result.samples.find((s) => s.t === t)?.readyPods;
    expect(result.samples.filter((s) => s.t >= 60 && s.t <= 165).every((s) => s.readyPods === 4)).toBe(true);
    expect([readyAt(180), readyAt(195), readyAt(210)]).toEqual([8, 16, 29]);
  });

  it('covers demand 140 s after the step: 29 × 587.91 = 17,049.42 ≥ 16,666.67 from t = 200', () => {
    expect(result.shortfalls).toEqual([{ start: 60, end: 200 }]);
    expect(result.summary.timeToCover.value).toBe(140);
    expect(result.summary.covered).toBe(true);
  });

  it('counts the requests above capacity second by second', () => {
    // 110 s at 4 ready pods, then 15 s at 8 and 15 s at 16, each short of 16,666.67 req/s:
    // 140 s × 16,666.67 − (110 × 4 + 15 × 8 + 15 × 16) pod-seconds × 587.911
    // = 2,333,333.33 − 800 × 587.911 = 2,333,333.33 − 470,328.8 = 1,863,004.53.
    const peak = 1_000_000 / 60;
    const perPod = 691.66 * 0.85;
    const expected = 110 * (peak - 4 * perPod) + 15 * (peak - 8 * perPod) + 15 * (peak - 16 * perPod);
    expect(expected).toBeCloseTo(1_863_004.53, 1);
    expect(result.summary.requestsAboveCapacity.value).toBe(Math.round(expected));
    // Per level: 110 × (16,666.67 − 2,351.64) = 1,574,652.5; 15 × (16,666.67 − 4,703.29) = 179,450.7;
    // 15 × (16,666.67 − 9,406.58) = 108,901.4.
    expect(result.summary.requestsAboveCapacity.working).toBe(
      '110 s at 4 ready (2,351.64 req/s): 1,574,652 + 15 s at 8 ready (4,703.29 req/s): 179,451 + ' +
        '15 s at 16 ready (9,406.58 req/s): 108,901 = 1,863,005',
    );
  });
});

describe('simulate: a hand-sized deployment', () => {
  it('loses 8 s × (15 − 10) = 40 requests while the second pod waits for its node and starts', () => {
    // t = 15: CPU min(100, 150) = 100 % → ceil(1 × 100 ÷ 70) = 2; the pod is pending, a node is
    // Ready at 20, the pod at 23. Capacity 10 req/s over [15, 23), 20 req/s after.
    const profile = stepProfile({ normalRps: 5, peakRps: 15 }, 15);
    const result = simulate(profile, 60, tiny);
    expect(result.decisions.map((d) => [d.t, d.from, d.to])).toEqual([[15, 1, 2]]);
    expect(result.summary.requestsAboveCapacity.value).toBe(40);
    expect(result.summary.timeToCover.value).toBe(8);
    // All requests: 15 s × 5 + 45 s × 15 = 750; 40 ÷ 750 = 5.333 %.
    expect(result.summary.shareAboveCapacity.value).toBeCloseTo(5.333, 3);
  });

  it('loses only the pod start, 3 s × 5 = 15 requests, when a node is there at once', () => {
    const profile = stepProfile({ normalRps: 5, peakRps: 15 }, 15);
    const instant = { ...tiny, cluster: { ...tiny.cluster, nodeProvisioningSeconds: 0 } };
    expect(simulate(profile, 60, instant).summary.requestsAboveCapacity.value).toBe(15);
  });

  it('syncs on the second a fractional period falls in: every 10.5 s → t = 0, 10, 21, …', () => {
    // The step at t = 15 is first seen by the sync of t = 21; node Ready at 26, pod at 29:
    // 14 s × (15 − 10) = 70 requests above capacity.
    const profile = stepProfile({ normalRps: 5, peakRps: 15 }, 15);
    const uneven = { ...tiny, hpa: { ...tiny.hpa, syncPeriodSeconds: 10.5 } };
    const result = simulate(profile, 60, uneven);
    expect(result.decisions.map((d) => [d.t, d.from, d.to])).toEqual([[21, 1, 2]]);
    expect(result.summary.requestsAboveCapacity.value).toBe(70);
  });

  it('holds 2 pods for 300 s after the last high recommendation, then its node for 600 s more', () => {
    // 15 req/s from t = 0 (2 pods), 5 req/s from t = 60. From t = 60 every metric asks for 1
    // (CPU 25 % → ceil(2 × 0.357) = 1, in-flight 0.25 → 1, memory 35 % → ceil(2 × 0.5) = 1), but the
    // recommendation of 2 at t = 45 stays in the window until t = 345. The emptied node goes at 345 + 600.
    const profile = csvProfile([
      { t: 0, rps: 15 },
      { t: 59.999, rps: 15 },
      { t: 60, rps: 5 },
    ]);
    const result = simulate(profile, 1_000, tiny);
    expect(result.decisions.map((d) => [d.t, d.from, d.to])).toEqual([
      [0, 1, 2],
      [345, 2, 1],
    ]);
    const nodesAt = (t: number) => result.samples.find((s) => s.t === t)?.nodes;
    expect([nodesAt(330), nodesAt(930), nodesAt(945)]).toEqual([2, 2, 1]);
  });

  it('reports a shortfall still open at the end of the run as not covered', () => {
    // 100 req/s against at most 2 pods × 10 req/s: never covered.
    const result = simulate(stepProfile({ normalRps: 5, peakRps: 100 }, 15), 60, tiny);
    expect(result.shortfalls).toEqual([{ start: 15, end: null }]);
    expect(result.summary.covered).toBe(false);
    expect(result.summary.timeToCover.value).toBe(45);
  });

  it('is deterministic: the same inputs give the same run', () => {
    const profile = stepProfile(levels, 60);
    expect(simulate(profile, 600, prod)).toEqual(simulate(profile, 600, prod));
  });
});
