import { describe, expect, it } from 'vitest';
import { bucketMax, formatSeconds, niceCeiling } from './chart-model.js';

describe('niceCeiling', () => {
  it.each([
    [17_049, 20_000],
    [30, 30],
    [35, 40],
    [101, 120],
    [1, 1],
    [0.7, 0.8],
    [0, 1],
  ])('rounds %d up to %d', (x, top) => {
    expect(niceCeiling(x)).toBeCloseTo(top, 9);
  });
});

describe('bucketMax', () => {
  it('keeps the highest of each slice: [1, 5 | 2, 8, 3] → [5, 8]', () => {
    expect(bucketMax([1, 5, 2, 8, 3], 2)).toEqual([5, 8]);
  });

  it('returns short series unchanged', () => {
    expect(bucketMax([3, 1], 5)).toEqual([3, 1]);
  });
});

describe('formatSeconds', () => {
  it('shows seconds under an hour and hours from an hour on', () => {
    expect([formatSeconds(450), formatSeconds(1_260), formatSeconds(3_600), formatSeconds(86_400)]).toEqual([
      '450 s',
      '1,260 s',
      '1 h',
      '24 h',
    ]);
  });
});
