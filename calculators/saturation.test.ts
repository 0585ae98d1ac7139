import { describe, expect, it } from 'vitest';
import { judgeSteps, type LoadStep, littleLatencyMs } from './saturation.js';

const rules = {
  minGain: 0.05,
  objectiveMs: 200,
  maxConnections: 16,
  maxFailedShare: 0.01,
  maxGeneratorCpuShare: 0.9,
};
const step = (connections: number, requestsPerSecond: number, latencyP99Ms = 10): LoadStep => ({
  connections,
  requestsPerSecond,
  latencyP99Ms,
  failedShare: 0,
  generatorCpuShare: 0.2,
});

describe('judgeSteps', () => {
  it('doubles the connections while throughput grows', () => {
    expect(judgeSteps([step(1, 100), step(2, 180)], rules)).toEqual({ kind: 'continue', nextConnections: 4 });
  });

  it('finds the knee where doubling adds less than 5 %: 195 → 199 req/s is 2.1 %', () => {
    const verdict = judgeSteps([step(1, 100), step(2, 195), step(4, 199)], rules);
    expect(verdict).toMatchObject({ kind: 'knee', knee: { connections: 2, requestsPerSecond: 195 } });
  });

  it('stops at the step before the latency objective breaks', () => {
    const verdict = judgeSteps([step(1, 100), step(2, 190, 250)], rules);
    expect(verdict).toMatchObject({ kind: 'knee', knee: { connections: 1 } });
  });

  it('refuses an endpoint that never saturates: a 75 ms sleeper doubles its throughput up to the last step', () => {
    // 16 ÷ 0.075 s = 213 req/s against 8 ÷ 0.075 = 107: still 100 % gain at the connection limit.
    const verdict = judgeSteps([step(8, 106.66, 76), step(16, 213.32, 77)], rules);
    expect(verdict.kind).toBe('refused');
    expect(verdict.kind === 'refused' && verdict.reason).toMatch(
      /^never saturated: throughput still grew 100 % from 8 to 16/,
    );
  });

  it('refuses when the load generator itself is busy, or when requests fail', () => {
    expect(judgeSteps([{ ...step(1, 100), generatorCpuShare: 0.95 }], rules).kind).toBe('refused');
    expect(judgeSteps([{ ...step(1, 100), failedShare: 0.5 }], rules).kind).toBe('refused');
  });

  it('gives the per-request latency by Little’s law: 2 connections at 195 req/s → 10.26 ms', () => {
    expect(littleLatencyMs(step(2, 195))).toBeCloseTo(10.2564, 4);
  });
});
