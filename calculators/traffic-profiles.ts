import { z } from 'zod';
import { fmt } from './figure.js';

/** Demand over time: requests per second arriving at the deployment, t in seconds from the start. */
export interface TrafficProfile {
  name: string;
  /** One line a reader can check: "1,666.67 req/s, then 16,666.67 req/s from t = 60 s". */
  description: string;
  demandAt: (t: number) => number;
  /** The time of the load change the run is about; undefined for a profile without one. */
  changeAt?: number;
  /** The natural length of a run over this profile, in seconds. */
  defaultDurationSeconds: number;
}

export interface LoadLevels {
  normalRps: number;
  peakRps: number;
}

/** Normal load, then the peak from `atSeconds` on: a flash sale or a campaign going live. */
export function stepProfile(levels: LoadLevels, atSeconds = 60): TrafficProfile {
  return {
    name: 'step',
    description: `${fmt(levels.normalRps)} req/s, then ${fmt(levels.peakRps)} req/s from t = ${fmt(atSeconds)} s`,
    demandAt: (t) => (t < atSeconds ? levels.normalRps : levels.peakRps),
    changeAt: atSeconds,
    defaultDurationSeconds: 900,
  };
}

/** Normal load, rising linearly to the peak over `rampSeconds` from `startSeconds` on. */
export function rampProfile(levels: LoadLevels, startSeconds = 60, rampSeconds = 600): TrafficProfile {
  const { normalRps, peakRps } = levels;
  return {
    name: 'ramp',
    description:
      `${fmt(normalRps)} req/s, rising linearly to ${fmt(peakRps)} req/s ` +
      `from t = ${fmt(startSeconds)} s to t = ${fmt(startSeconds + rampSeconds)} s`,
    demandAt: (t) => {
      if (t <= startSeconds) return normalRps;
      if (t >= startSeconds + rampSeconds) return peakRps;
      return normalRps + ((peakRps - normalRps) * (t - startSeconds)) / rampSeconds;
    },
    changeAt: startSeconds,
    defaultDurationSeconds: startSeconds + rampSeconds + 600,
  };
}

export const SECONDS_PER_DAY = 86_400;

/**
 * A day between normal and peak load: a raised cosine from the trough at t = 0 (the quiet small
 * hours) to the peak at half a day and back. `daySeconds` below 86,400 compresses the day; the HPA
 * and node delays do not compress, so a compressed day is a steeper, harsher test.
 */
export function diurnalProfile(levels: LoadLevels, daySeconds = SECONDS_PER_DAY): TrafficProfile {
  const { normalRps, peakRps } = levels;
  return {
    name: 'diurnal',
    description:
      `a day of ${fmt(daySeconds)} s: ${fmt(normalRps)} req/s at t = 0, ` +
      `${fmt(peakRps)} req/s at t = ${fmt(daySeconds / 2)} s, raised cosine between`,
    demandAt: (t) => normalRps + ((peakRps - normalRps) * (1 - Math.cos((2 * Math.PI * t) / daySeconds))) / 2,
    defaultDurationSeconds: daySeconds,
  };
}

export interface ProfilePoint {
  t: number;
  rps: number;
}

/** Straight lines between points; the first value before the first point, the last after the last. */
export function interpolate(points: ProfilePoint[], t: number): number {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) throw new Error('a profile needs at least one point');
  if (t <= first.t) return first.rps;
  if (t >= last.t) return last.rps;
  // Binary search: a recorded day can hold tens of thousands of points, read once per simulated second.
  let low = 0;
  let high = points.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (points[middle]!.t <= t) low = middle;
    else high = middle;
  }
  const before = points[low]!;
  const after = points[high]!;
  return before.rps + ((after.rps - before.rps) * (t - before.t)) / (after.t - before.t);
}

/** A CSV profile that breaks a rule: one problem per line, each naming the CSV line. */
export class ProfileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ProfileError';
  }
}

const csvNumber = (field: string) =>
  z
    .string()
    .trim()
    .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/, { error: `${field} must be a number` })
    .transform(Number)
    .pipe(z.number().min(0, { error: `${field} must be ≥ 0` }));

const CsvRowSchema = z.tuple([csvNumber('time'), csvNumber('rps')], {
  error: 'expected two fields: time,rps',
});

const HEADER = /^\s*time\s*,\s*rps\s*$/i;

/** Points of a CSV profile: `time,rps` lines (seconds, req/s), an optional `time,rps` header first. */
export function parseProfileCsv(text: string): ProfilePoint[] {
  const problems: string[] = [];
  const points: ProfilePoint[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.trim() === '' || (lineNumber === 1 && HEADER.test(line))) return;
    const row = CsvRowSchema.safeParse(line.split(','));
    if (!row.success) {
      const issue = row.error.issues[0]!;
      const got = issue.path.length > 0 ? ` (got "${line.split(',')[Number(issue.path[0])]?.trim()}")` : '';
      const hint = lineNumber === 1 && issue.path[0] === 0 ? '; a header must read time,rps' : '';
      problems.push(`line ${lineNumber}: ${issue.message}${got}${hint}`);
      return;
    }
    const [t, rps] = row.data;
    const previous = points.at(-1);
    if (previous && t <= previous.t) {
      problems.push(
        `line ${lineNumber}: time must be greater than the line before (${fmt(t)} ≤ ${fmt(previous.t)})`,
      );
      return;
    }
    points.push({ t, rps });
  });
  if (problems.length === 0 && points.length === 0)
    problems.push('line 1: no data lines (expected time,rps)');
  if (problems.length > 0) throw new ProfileError(problems);
  return points;
}

export function csvProfile(points: ProfilePoint[], name = 'csv'): TrafficProfile {
  const last = points.at(-1)!;
  const peak = Math.max(...points.map((p) => p.rps));
  return {
    name,
    description: `${points.length} points from t = ${fmt(points[0]!.t)} s to t = ${fmt(last.t)} s, up to ${fmt(peak)} req/s, linear between points`,
    demandAt: (t) => interpolate(points, t),
    defaultDurationSeconds: Math.max(1, Math.ceil(last.t)),
  };
}
