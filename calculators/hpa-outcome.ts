import { type Figure, figure, fmt } from './figure.js';

/** What a simulation run adds up to: shortfalls, requests above capacity, peaks, each with its working. */

export interface Shortfall {
  start: number;
  /** First second capacity covered demand again; null when the run ended first. */
  end: number | null;
}

export interface SimulationSummary {
  durationSeconds: number;
  timeToCover: Figure;
  covered: boolean;
  requestsAboveCapacity: Figure;
  shareAboveCapacity: Figure;
  peakReplicas: Figure;
  peakNodes: Figure;
  /** Desired replicas reached the HPA's maxReplicas. */
  maxReplicasHit: boolean;
  /** The highest replica count the metrics asked for, before stabilization, policies and bounds. */
  highestRecommendation: number;
}

/** Requests above capacity while a given number of pods was ready. */
export interface ExcessAtLevel {
  readyPods: number;
  seconds: number;
  requests: number;
}

export interface Ledger {
  excessRequests: number;
  totalRequests: number;
  excessByReadyPods: Map<number, ExcessAtLevel>;
}

/** One second of traffic: `demand` (req/s at the second's midpoint) against the capacity of `ready` pods. */
export function accountSecond(ledger: Ledger, demand: number, capacity: number, ready: number): void {
  ledger.totalRequests += demand;
  if (demand <= capacity) return;
  const excess = demand - capacity;
  const level = ledger.excessByReadyPods.get(ready) ?? { readyPods: ready, seconds: 0, requests: 0 };
  ledger.excessRequests += excess;
  ledger.excessByReadyPods.set(ready, {
    ...level,
    seconds: level.seconds + 1,
    requests: level.requests + excess,
  });
}

/** Opens a shortfall when demand first exceeds capacity, closes it when capacity covers demand again. */
export function trackShortfall(shortfalls: Shortfall[], t: number, demand: number, capacity: number): void {
  const open = shortfalls.at(-1);
  if (demand > capacity && (!open || open.end !== null)) shortfalls.push({ start: t, end: null });
  if (demand <= capacity && open && open.end === null) open.end = t;
}

/** Levels shown in the working of requests above capacity; the rest are summed. */
const EXCESS_LEVELS_SHOWN = 5;

function excessWorking(levels: ExcessAtLevel[], effectiveRps: number, total: number): string {
  if (levels.length === 0) return 'demand never exceeded capacity: 0';
  const term = (l: ExcessAtLevel) =>
    `${fmt(l.seconds)} s at ${l.readyPods} ready (${fmt(l.readyPods * effectiveRps)} req/s): ${fmt(l.requests, 0)}`;
  const shown = levels.slice(0, EXCESS_LEVELS_SHOWN).map(term);
  const rest = levels.slice(EXCESS_LEVELS_SHOWN);
  if (rest.length > 0) {
    const restRequests = rest.reduce((sum, l) => sum + l.requests, 0);
    shown.push(`${rest.length} more levels: ${fmt(restRequests, 0)}`);
  }
  return `${shown.join(' + ')} = ${fmt(total, 0)}`;
}

export interface Totals {
  durationSeconds: number;
  shortfalls: Shortfall[];
  excessRequests: number;
  totalRequests: number;
  excessByReadyPods: ExcessAtLevel[];
  peakReplicas: number;
  peakNodes: number;
  highestRecommendation: number;
  maxReplicas: number;
  podsPerNode: number;
  initialNodes: number;
  effectiveRps: number;
}

function timeToCover(shortfalls: Shortfall[], durationSeconds: number): { figure: Figure; covered: boolean } {
  const formula = 'longest shortfall: first second capacity ≥ demand − first second demand > capacity';
  const lengthOf = (s: Shortfall) => (s.end ?? durationSeconds) - s.start;
  const longest = shortfalls.reduce<Shortfall | undefined>(
    (worst, s) => (!worst || lengthOf(s) > lengthOf(worst) ? s : worst),
    undefined,
  );
  if (!longest)
    return { figure: figure(0, 's', formula, 'capacity covered demand throughout'), covered: true };
  const seconds = lengthOf(longest);
  const working =
    longest.end === null
      ? `not covered by the end of the run: t = ${fmt(durationSeconds)} s − t = ${fmt(longest.start)} s = ${fmt(seconds)} s and counting`
      : `t = ${fmt(longest.end)} s − t = ${fmt(longest.start)} s = ${fmt(seconds)} s` +
        (shortfalls.length > 1 ? ` (longest of ${shortfalls.length} shortfalls)` : '');
  return { figure: figure(seconds, 's', formula, working), covered: longest.end !== null };
}

export function summarize(totals: Totals): SimulationSummary {
  const { durationSeconds, maxReplicas } = totals;
  const cover = timeToCover(totals.shortfalls, durationSeconds);
  const share = totals.totalRequests > 0 ? (totals.excessRequests / totals.totalRequests) * 100 : 0;
  const excess = Math.round(totals.excessRequests);
  const maxReplicasHit = totals.peakReplicas >= maxReplicas;
  const { highestRecommendation } = totals;
  const ceilingNote =
    highestRecommendation > maxReplicas
      ? `; the metrics asked for ${highestRecommendation}: max replicas (${maxReplicas}) binds`
      : maxReplicasHit
        ? `; max replicas (${maxReplicas}) reached`
        : ` of at most ${maxReplicas}`;
  return {
    durationSeconds,
    timeToCover: cover.figure,
    covered: cover.covered,
    requestsAboveCapacity: figure(
      excess,
      'requests',
      'Σ max(0, demand − ready pods × effective req/s per pod) × 1 s, demand at each second’s midpoint',
      excessWorking(totals.excessByReadyPods, totals.effectiveRps, excess),
    ),
    shareAboveCapacity: figure(
      share,
      '%',
      'requests above capacity ÷ all requests × 100',
      `${fmt(excess, 0)} ÷ ${fmt(totals.totalRequests, 0)} × 100 = ${fmt(share, 3)} %`,
    ),
    peakReplicas: figure(
      totals.peakReplicas,
      'replicas',
      'highest desired replica count',
      `${totals.peakReplicas}${ceilingNote}`,
    ),
    peakNodes: figure(
      totals.peakNodes,
      'nodes',
      'highest count of ready plus launching nodes',
      `${totals.peakNodes} at ${totals.podsPerNode} pod(s) per node, from ${totals.initialNodes} at the start`,
    ),
    maxReplicasHit,
    highestRecommendation,
  };
}
