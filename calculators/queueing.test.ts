import { describe, expect, it } from 'vitest';
import {
  erlangB,
  erlangC,
  inflightPerPod,
  mgcState,
  servicePercentile,
  serviceTimeShape,
  sojournPercentile,
  sojournTail,
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

  it('stays finite at 150,000 erlangs and near the Halfin–Whitt limit there', () => {
    // Halfin–Whitt: β = (c − A) ÷ √A = 1,000 ÷ 387.30 = 2.582; Φ(β) = 0.99509, φ(β) = 0.014289;
    // P(wait) ≈ 1 ÷ (1 + β·Φ(β) ÷ φ(β)) = 1 ÷ (1 + 179.82) = 0.00553.
    const waits = erlangC(151_000, 150_000);
    expect(Math.abs(waits / 0.00553 - 1)).toBeLessThan(0.02);
  });
});

const exponential = (meanSeconds: number) => serviceTimeShape(meanSeconds, 1);

describe('M/M/c sojourn time (service CV 1: Allen–Cunneen is exact)', () => {
  it('has the M/M/1 tail e^(−(μ − λ)t) and p99 ln(100) ÷ (μ − λ)', () => {
    const mm1 = { arrivalRps: 6, serviceSeconds: 0.1, servers: 1, serviceCv: 1 };
    expect(sojournTail(mgcState(mm1), exponential(0.1), 0.5)).toBeCloseTo(Math.exp(-2), 12);
    // ln 100 ÷ 4 = 4.60517 ÷ 4 = 1.151293 s.
    expect(sojournPercentile(mm1, 99)).toBeCloseTo(1.151293, 5);
  });

  it('matches the M/M/2 tail worked by hand: λ = 8, μ = 10, P(T > 0.5 s) = 0.011605', () => {
    // A = 0.8, ρ = 0.4: P0 = 1 ÷ (1 + 0.8 + 0.64 ÷ (2 × 0.6)) = 3/7; C = 0.64 ÷ 1.2 × 3/7 = 8/35;
    // θ = 2 × 10 − 8 = 12; P(T > 0.5) = (27/35)e^−5 + (8/35)(12e^−5 − 10e^−6) ÷ 2
    //   = 0.0051978 + 0.0064077 = 0.0116055.
    const mm2 = { arrivalRps: 8, serviceSeconds: 0.1, servers: 2, serviceCv: 1 };
    expect(mgcState(mm2).probabilityOfWaiting).toBeCloseTo(8 / 35, 12);
    expect(sojournTail(mgcState(mm2), exponential(0.1), 0.5)).toBeCloseTo(0.0116055, 6);
  });

  it('handles θ = μ without dividing by zero: c = 2, A = 1, tail (2/3)e^−1 + (1/3)·2e^−1 at t = 0.1 s', () => {
    // B(2, 1) = 0.5 ÷ 2.5 = 0.2; C = 0.4 ÷ (2 − 0.8) = 1/3; θ = 20 − 10 = 10 = μ: (1 + μt)e^−μt = 2e^−1.
    const state = mgcState({ arrivalRps: 10, serviceSeconds: 0.1, servers: 2, serviceCv: 1 });
    expect(sojournTail(state, exponential(0.1), 0.1)).toBeCloseTo((4 / 3) * Math.exp(-1), 12);
  });

  it('agrees with a seeded simulation of an M/M/4 queue at ρ = 0.8 (p99 within 3 %)', () => {
    const input = { arrivalRps: 3.2, serviceSeconds: 1, servers: 4, serviceCv: 1 };
    const simulated = simulatedP99(input.arrivalRps, 4, () => -Math.log(1 - random()));
    expect(sojournPercentile(input, 99)).toBeCloseTo(simulated, 0);
    expect(Math.abs(sojournPercentile(input, 99) / simulated - 1)).toBeLessThan(0.03);
  });
});

describe('Allen–Cunneen for a general service time', () => {
  it('gives M/D/1 and M/G/1 the Pollaczek–Khinchine mean wait exactly', () => {
    // P–K: W_q = λE[S²] ÷ (2(1 − ρ)) = ρ·s·(1 + Cs²) ÷ (2(1 − ρ)); λ = 6, s = 0.1 s, ρ = 0.6.
    // Cs = 0: 0.6 × 0.1 × 1 ÷ 0.8 = 0.075 s; Cs = 2: 0.6 × 0.1 × 5 ÷ 0.8 = 0.375 s.
    for (const [cv, expected] of [
      [0, 0.075],
      [2, 0.375],
    ] as const) {
      const state = mgcState({ arrivalRps: 6, serviceSeconds: 0.1, servers: 1, serviceCv: cv });
      expect(state.probabilityOfWaiting / state.waitRate).toBeCloseTo(expected, 12);
    }
  });

  it('shapes service times with the mean and CV asked for', () => {
    for (const cv of [0.5, 2]) {
      const shape = serviceTimeShape(0.01, cv);
      const mean = shape.shiftSeconds + shape.phases.reduce((m, p) => m + p.probability / p.rate, 0);
      const phaseMean = mean - shape.shiftSeconds;
      const secondPhaseMoment = shape.phases.reduce((m, p) => m + (2 * p.probability) / p.rate ** 2, 0);
      const variance = secondPhaseMoment - phaseMean ** 2;
      expect(mean).toBeCloseTo(0.01, 12);
      expect(Math.sqrt(variance) / mean).toBeCloseTo(cv, 9);
    }
  });

  it('gives the service-time percentile alone: s for a constant, s·ln 100 for an exponential', () => {
    expect(servicePercentile(0.005, 0, 99)).toBeCloseTo(0.005, 9);
    // 5 ms × 4.60517 = 23.026 ms.
    expect(servicePercentile(0.005, 1, 99)).toBeCloseTo(0.023026, 6);
  });

  it('stays within 10 % of a seeded simulation of M/G/4 with CV 0.5 at ρ = 0.8', () => {
    // The shifted exponential of mean 1 and CV 0.5: 0.5 + Exp(mean 0.5).
    const input = { arrivalRps: 3.2, serviceSeconds: 1, servers: 4, serviceCv: 0.5 };
    const simulated = simulatedP99(input.arrivalRps, 4, () => 0.5 - 0.5 * Math.log(1 - random()));
    expect(Math.abs(sojournPercentile(input, 99) / simulated - 1)).toBeLessThan(0.1);
  });
});

describe("Little's law", () => {
  it('keeps 587.91 req/s × 0.075 s = 44.09 requests in flight per pod', () => {
    expect(inflightPerPod(587.911, 75).value).toBeCloseTo(44.093, 3);
  });
});

/** A seeded generator (mulberry32), so the simulation is the same on every run. */
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}

/** FCFS c-server queue with Poisson arrivals: the 99th percentile of 400,000 sojourn times. */
function simulatedP99(lambda: number, servers: number, service: () => number): number {
  seed = 42;
  const freeAt = new Array<number>(servers).fill(0);
  const sojourns: number[] = [];
  let clock = 0;
  for (let i = 0; i < 420_000; i++) {
    clock += -Math.log(1 - random()) / lambda;
    let earliest = 0;
    for (let s = 1; s < servers; s++) if (freeAt[s]! < freeAt[earliest]!) earliest = s;
    const start = Math.max(clock, freeAt[earliest]!);
    freeAt[earliest] = start + service();
    if (i >= 20_000) sojourns.push(freeAt[earliest]! - clock);
  }
  sojourns.sort((a, b) => a - b);
  return sojourns[Math.floor(0.99 * sojourns.length)]!;
}
