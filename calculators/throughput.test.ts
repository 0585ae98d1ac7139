import { describe, expect, it } from 'vitest';
import { sizePods, sizeWorkers } from './throughput.js';

const reference = {
  perPodRps: 691.66,
  reserve: 0.15,
  normalRpm: 100_000,
  peakRpm: 1_000_000,
  spareReplicas: 1,
};

describe('sizeWorkers (reference document, Performance section)', () => {
  const sizing = sizeWorkers({ perRequestLatencyMs: 75, workersPerInstance: 8, normalRpm: 100_000 });

  it('serves 1 / 0.075 = 13.33 req/s per worker', () => {
    expect(sizing.perWorkerRps.value.toFixed(2)).toBe('13.33');
  });

  it('needs 100,000 / 60 ≈ 1,667 req/s', () => {
    expect(Math.round(sizing.requiredRps.value)).toBe(1667);
  });

  it('needs 125 workers, not 126: the quotient is exactly 125', () => {
    expect(sizing.workers.value).toBe(125);
  });

  it('packs them into 16 r7i.2xlarge instances of 8 workers (128 workers)', () => {
    expect(sizing.instances.value).toBe(16);
    expect(sizing.workersProvisioned.value).toBe(128);
    expect(sizing.instances.working).toBe('ceil(125 ÷ 8) = 16');
  });

  it('moves with its inputs: 150 ms per request doubles the workers', () => {
    const slower = sizeWorkers({ perRequestLatencyMs: 150, workersPerInstance: 8, normalRpm: 100_000 });
    expect(slower.workers.value).toBe(250);
    expect(slower.instances.value).toBe(32);
  });
});

describe('sizePods (reference document, Scalability section)', () => {
  const sizing = sizePods(reference);

  it('keeps 691.66 × 0.85 ≈ 588 req/s per pod after the 15 % reserve', () => {
    expect(sizing.effectivePerPodRps.value).toBeCloseTo(587.911, 6);
    expect(Math.round(sizing.effectivePerPodRps.value)).toBe(588);
  });

  it('needs ceil(16,667 / 588) = 29 pods for 1,000,000 req/min', () => {
    expect(sizing.peakRps.value.toFixed(2)).toBe('16666.67');
    expect(sizing.peakPods.value).toBe(29);
    expect(sizing.peakPods.working).toBe('ceil(16,666.67 ÷ 587.91) = ceil(28.35) = 29');
  });

  it('starts at 4 replicas (3 for the normal load plus one spare) and stops at 30 (29 plus one)', () => {
    expect(sizing.normalPods.value).toBe(3);
    expect(sizing.minReplicas.value).toBe(4);
    expect(sizing.maxReplicas.value).toBe(30);
  });

  it('gives 57 pods for 2,000,000 req/min', () => {
    expect(sizePods({ ...reference, peakRpm: 2_000_000 }).peakPods.value).toBe(57);
  });

  it('gives 27 pods with a 10 % reserve (622.49 req/s per pod)', () => {
    const tenPercent = sizePods({ ...reference, reserve: 0.1 });
    expect(tenPercent.effectivePerPodRps.value).toBeCloseTo(622.494, 6);
    expect(tenPercent.peakPods.value).toBe(27);
  });

  it('adds no spare when none is asked for', () => {
    const noSpare = sizePods({ ...reference, spareReplicas: 0 });
    expect([noSpare.minReplicas.value, noSpare.maxReplicas.value]).toEqual([3, 29]);
  });
});
