import { describe, expect, it } from 'vitest';
import { columnRanges, formatSeconds, niceCeiling } from './chart-model.js';

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

describe('columnRanges', () => {
  it('keeps a spike: 8 samples over 4 slices of 1.75 s, the 10 at t = 1 s in the first', () => {
    expect(columnRanges([0, 1, 2, 3, 4, 5, 6, 7], [0, 10, 0, 0, 0, 0, 0, 0], 4, false)).toEqual([
      { min: 0, max: 10 },
      { min: 0, max: 0 },
      { min: 0, max: 0 },
      { min: 0, max: 0 },
    ]);
  });

  it('keeps a one-second dip of a step series at its time: 5 ready pods, 1 at t = 10 s', () => {
    // Slices of 10 s: [0, 10) holds 5; [10, 20) has the 1 at 10 s and the 5 at 11 s; [20, 30] holds 5.
    expect(columnRanges([0, 10, 11, 30], [5, 1, 5, 5], 3, true)).toEqual([
      { min: 5, max: 5 },
      { min: 1, max: 5 },
      { min: 5, max: 5 },
    ]);
  });

  it('holds a step’s value through empty slices, and interpolates a line at their middle', () => {
    expect(columnRanges([0, 100], [3, 7], 4, true)).toEqual([
      { min: 3, max: 3 },
      { min: 3, max: 3 },
      { min: 3, max: 3 },
      { min: 3, max: 7 },
    ]);
    // Slice [25, 50): middle 37.5 on the line from (0, 0) to (100, 100).
    expect(columnRanges([0, 100], [0, 100], 4, false)[1]).toEqual({ min: 37.5, max: 37.5 });
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
