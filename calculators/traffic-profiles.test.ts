import { describe, expect, it } from 'vitest';
import {
  csvProfile,
  diurnalProfile,
  interpolate,
  ProfileError,
  parseProfileCsv,
  rampProfile,
  stepProfile,
} from './traffic-profiles.js';

const levels = { normalRps: 1_000, peakRps: 5_000 };

describe('stepProfile', () => {
  it('holds normal load before the step and the peak from the step on', () => {
    const step = stepProfile(levels, 60);
    expect([step.demandAt(0), step.demandAt(59.5), step.demandAt(60), step.demandAt(900)]).toEqual([
      1_000, 1_000, 5_000, 5_000,
    ]);
    expect(step.changeAt).toBe(60);
  });
});

describe('rampProfile', () => {
  it('rises linearly: a quarter of the way through a 400 s ramp is 1,000 + 4,000 ÷ 4 = 2,000', () => {
    const ramp = rampProfile(levels, 100, 400);
    expect([
      ramp.demandAt(50),
      ramp.demandAt(100),
      ramp.demandAt(200),
      ramp.demandAt(500),
      ramp.demandAt(700),
    ]).toEqual([1_000, 1_000, 2_000, 5_000, 5_000]);
  });
});

describe('diurnalProfile', () => {
  it('runs from normal at t = 0 to the peak at half a day and back, halfway at a quarter day', () => {
    // (1 − cos(2π t ÷ day)) ÷ 2: 0 at 0, ½ at a quarter, 1 at a half, 0 at a full day.
    const day = diurnalProfile(levels, 3_600);
    expect(day.demandAt(0)).toBeCloseTo(1_000, 9);
    expect(day.demandAt(900)).toBeCloseTo(3_000, 9);
    expect(day.demandAt(1_800)).toBeCloseTo(5_000, 9);
    expect(day.demandAt(3_600)).toBeCloseTo(1_000, 9);
    expect(day.defaultDurationSeconds).toBe(3_600);
  });
});

describe('interpolate', () => {
  const points = [
    { t: 10, rps: 100 },
    { t: 20, rps: 300 },
    { t: 40, rps: 100 },
  ];

  it('draws straight lines between points: t = 15 → 200, t = 35 → 150', () => {
    expect(interpolate(points, 15)).toBe(200);
    expect(interpolate(points, 35)).toBe(150);
    expect(interpolate(points, 20)).toBe(300);
  });

  it('finds the right segment among many points: rps = 3t sampled every 7 s reads 3t in between', () => {
    const many = Array.from({ length: 1_000 }, (_, i) => ({ t: 7 * i, rps: 21 * i }));
    expect([interpolate(many, 10), interpolate(many, 3_500.5), interpolate(many, 6_992)]).toEqual([
      30, 10_501.5, 20_976,
    ]);
  });

  it('holds the first value before the first point and the last after the last', () => {
    expect(interpolate(points, 0)).toBe(100);
    expect(interpolate(points, 1_000)).toBe(100);
  });
});

describe('parseProfileCsv', () => {
  it('reads time,rps lines with or without the header, skipping blank lines', () => {
    const expected = [
      { t: 0, rps: 1_500 },
      { t: 30, rps: 2_000.5 },
    ];
    expect(parseProfileCsv('time,rps\n0,1500\n\n30, 2000.5\n')).toEqual(expected);
    expect(parseProfileCsv('0,1500\r\n30,2000.5')).toEqual(expected);
  });

  it('gives the run its length and a description from the points', () => {
    const profile = csvProfile(parseProfileCsv('0,100\n90.5,400\n'));
    expect(profile.defaultDurationSeconds).toBe(91);
    expect(profile.description).toBe(
      '2 points from t = 0 s to t = 90.5 s, up to 400 req/s, linear between points',
    );
  });

  const rejects = (text: string) => {
    try {
      parseProfileCsv(text);
    } catch (error) {
      expect(error).toBeInstanceOf(ProfileError);
      return (error as ProfileError).problems;
    }
    throw new Error('expected the CSV to be rejected');
  };

  it.each([
    ['0,100\n10,abc', 'line 2: rps must be a number (got "abc")'],
    ['0,100\n10,-5', 'line 2: rps must be ≥ 0 (got "-5")'],
    ['0,100\n10', 'line 2: expected two fields: time,rps'],
    ['0,100\n10,1,2', 'line 2: expected two fields: time,rps'],
    ['0,100\n20,100\n20,300', 'line 3: time must be greater than the line before (20 ≤ 20)'],
    ['0,100\n20,100\n5,300', 'line 3: time must be greater than the line before (5 ≤ 20)'],
    ['seconds,load\n0,100', 'line 1: time must be a number (got "seconds"); a header must read time,rps'],
    ['0,Infinity', 'line 1: rps must be a number (got "Infinity")'],
    ['\n\n', 'line 1: no data lines (expected time,rps)'],
  ])('rejects %j with %s', (text, problem) => {
    expect(rejects(text)).toEqual([problem]);
  });

  it('names every bad line, not only the first', () => {
    expect(rejects('0,x\n5,y\n')).toEqual([
      'line 1: rps must be a number (got "x")',
      'line 2: rps must be a number (got "y")',
    ]);
  });
});
