import { describe, expect, it } from 'vitest';
import {
  erlangB,
  erlangC,
  inflightPerPod,
  podsForLatency,
  responseTimePercentile,
  responseTimeTail,
} from './queueing.js';

describe('Erlang B and C against published values', () => {
  it('matches the Erlang B table: B(10 servers, 10 E) = 0.2146, B(5, 2) = 0.0367', () => {
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
    expect(erlangB(5, 2)).toBeCloseTo(0.0367, 4);
  });

  it('gives the textbook M/M/3 at ρ = 2/3 a waiting probability of 4/9', () => {
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
  });

  it('gives the call-centre example (10 E offered to 11 agents) P(wait) = 0.6821', () => {
    expect(erlangC(11, 10)).toBeCloseTo(0.6821, 4);
  });

  it('reduces to ρ for a single server', () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
  });

  it('is certain to wait when the load reaches the servers', () => {
    expect(erlangC(4, 4)).toBe(1);
  });
});

describe('M/M/c response time', () => {
  it('has the M/M/1 tail e^(−(μ − λ)t)', () => {
    const mm1 = { arrivalRps: 6, serviceRps: 10, servers: 1 };
    expect(responseTimeTail(mm1, 0.5)).toBeCloseTo(Math.exp(-4 * 0.5), 12);
    expect(responseTimePercentile(mm1, 99)).toBeCloseTo(Math.log(100) / 4, 9);
  });

  it('is the bare service time when nobody waits (tail e^(−μt) as λ → 0)', () => {
    expect(responseTimeTail({ arrivalRps: 1e-9, serviceRps: 10, servers: 5 }, 0.3)).toBeCloseTo(
      Math.exp(-3),
      9,
    );
  });

  it('handles θ = μ (cμ − λ = μ) without dividing by zero: tail (1 + μt)e^(−μt) for waiters', () => {
    const mmc = { arrivalRps: 10, serviceRps: 10, servers: 2 };
    const waits = erlangC(2, 1);
    const expected = (1 - waits) * Math.exp(-1) + waits * 2 * Math.exp(-1);
    expect(responseTimeTail(mmc, 0.1)).toBeCloseTo(expected, 12);
  });
});

describe('podsForLatency', () => {
  it('needs 29 pods for the reference peak: the queue is stable and p99 is far under 200 ms', () => {
    const peak = podsForLatency({
      arrivalRps: 1_000_000 / 60,
      serviceRpsPerPod: 587.911,
      percentile: 99,
      targetMs: 200,
    });
    expect(peak.pods.value).toBe(29);
    expect(peak.latencyAtPercentileMs).toBeLessThan(200);
  });

  it('adds a pod when the percentile, not stability, binds: λ = 8, μ = 10, p99 ≤ 500 ms needs 3', () => {
    // c = 2: A = 0.8, B(2, 0.8) = 0.15094, C = 0.22857, θ = 2 × 10 − 8 = 12;
    // P(T > 0.5) = 0.77143·e^−5 + 0.22857·(12e^−5 − 10e^−6) ÷ 2 = 0.005198 + 0.006408 = 0.011605 > 1 %.
    expect(responseTimeTail({ arrivalRps: 8, serviceRps: 10, servers: 2 }, 0.5)).toBeCloseTo(0.011605, 5);
    expect(
      podsForLatency({ arrivalRps: 8, serviceRpsPerPod: 10, percentile: 99, targetMs: 500 }).pods.value,
    ).toBe(3);
    // At p90 two pods do (1.16 % ≤ 10 %); one does not: M/M/1 p90 = ln 10 ÷ (10 − 8) = 1.15 s.
    expect(
      podsForLatency({ arrivalRps: 8, serviceRpsPerPod: 10, percentile: 90, targetMs: 500 }).pods.value,
    ).toBe(2);
  });
});

describe("Little's law", () => {
  it('keeps 587.91 req/s × 0.075 s = 44.09 requests in flight per pod', () => {
    expect(inflightPerPod(587.911, 75).value).toBeCloseTo(44.093, 3);
  });
});
