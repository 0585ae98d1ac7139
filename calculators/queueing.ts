import { type Figure, figure, fmt } from './figure.js';

/** Erlang B by its stable recursion: B(0) = 1, B(n) = A·B(n−1) ÷ (n + A·B(n−1)). */
export function erlangB(servers: number, offeredLoad: number): number {
  let blocking = 1;
  for (let n = 1; n <= servers; n++) blocking = (offeredLoad * blocking) / (n + offeredLoad * blocking);
  return blocking;
}

/** Erlang C: the probability that an arrival waits, for `servers` servers and offered load A = λ ÷ μ. */
export function erlangC(servers: number, offeredLoad: number): number {
  if (offeredLoad >= servers) return 1;
  const blocking = erlangB(servers, offeredLoad);
  return (servers * blocking) / (servers - offeredLoad * (1 - blocking));
}

/** P(X + Y > t) for independent X ~ Exp(a), Y ~ Exp(b) (hypoexponential tail). */
export function hypoexponentialTail(a: number, b: number, t: number): number {
  if (Math.abs(a - b) < 1e-9 * Math.max(a, b)) return (1 + a * t) * Math.exp(-a * t);
  return (b * Math.exp(-a * t) - a * Math.exp(-b * t)) / (b - a);
}

/**
 * A service time of mean `meanSeconds` and coefficient of variation `cv`, as a shift plus a mix of
 * exponentials: cv = 1 exponential; cv < 1 a shifted exponential (shift s(1 − cv), exponential of
 * mean s·cv); cv > 1 a two-phase hyperexponential with balanced means. Each matches mean and CV.
 */
export interface ServiceTimeShape {
  shiftSeconds: number;
  phases: { probability: number; rate: number }[];
}

export function serviceTimeShape(meanSeconds: number, cv: number): ServiceTimeShape {
  if (cv <= 1) {
    return {
      shiftSeconds: meanSeconds * (1 - cv),
      phases: cv === 0 ? [] : [{ probability: 1, rate: 1 / (meanSeconds * cv) }],
    };
  }
  const p = (1 + Math.sqrt((cv * cv - 1) / (cv * cv + 1))) / 2;
  return {
    shiftSeconds: 0,
    phases: [
      { probability: p, rate: (2 * p) / meanSeconds },
      { probability: 1 - p, rate: (2 * (1 - p)) / meanSeconds },
    ],
  };
}

export interface MgcInput {
  arrivalRps: number;
  /** Mean service time of one server (one process), seconds. */
  serviceSeconds: number;
  servers: number;
  /** Coefficient of variation of the service time; arrivals are Poisson (Ca = 1). */
  serviceCv: number;
}

export interface MgcState {
  offeredLoad: number;
  utilisation: number;
  probabilityOfWaiting: number;
  /** Rate of the conditional waiting time: (cμ − λ) ÷ ((Ca² + Cs²) ÷ 2). */
  waitRate: number;
  /** The Allen–Cunneen factor (Ca² + Cs²) ÷ 2. */
  allenCunneen: number;
}

/**
 * M/G/c by the Allen–Cunneen approximation (A. O. Allen, Probability, Statistics and Queueing
 * Theory, 2nd ed., 1990): W_q ≈ W_q(M/M/c) × (Ca² + Cs²) ÷ 2. Waiting keeps the M/M/c form: an
 * arrival waits with probability C(c, A), and then for an exponential time, its mean scaled by the
 * factor. Exact for Cs = 1.
 */
export function mgcState(input: MgcInput): MgcState {
  const mu = 1 / input.serviceSeconds;
  const offeredLoad = input.arrivalRps / mu;
  const allenCunneen = (1 + input.serviceCv ** 2) / 2;
  return {
    offeredLoad,
    utilisation: offeredLoad / input.servers,
    probabilityOfWaiting: erlangC(input.servers, offeredLoad),
    waitRate: (input.servers * mu - input.arrivalRps) / allenCunneen,
    allenCunneen,
  };
}

/** P(wait + service > t): the sojourn time's tail, wait and service independent. */
export function sojournTail(state: MgcState, shape: ServiceTimeShape, seconds: number): number {
  const t = seconds - shape.shiftSeconds;
  if (t < 0) return 1;
  const waits = state.probabilityOfWaiting;
  const theta = state.waitRate;
  if (shape.phases.length === 0) return waits * Math.exp(-theta * t);
  return shape.phases.reduce(
    (tail, { probability, rate }) =>
      tail + probability * ((1 - waits) * Math.exp(-rate * t) + waits * hypoexponentialTail(rate, theta, t)),
    0,
  );
}

/** The smallest t with tail(t) ≤ 1 − percentile ÷ 100, by bisection (tail decreasing). */
export function quantileOf(tail: (seconds: number) => number, percentile: number, scale: number): number {
  const target = 1 - percentile / 100;
  let low = 0;
  let high = Math.max(scale, 1e-9);
  for (let i = 0; i < 200 && tail(high) > target; i++) high *= 2;
  for (let i = 0; i < 100; i++) {
    const middle = (low + high) / 2;
    if (tail(middle) > target) low = middle;
    else high = middle;
  }
  return high;
}

/** The sojourn time (wait + CPU service) at a percentile, seconds; ∞ when the queue is unstable. */
export function sojournPercentile(input: MgcInput, percentile: number): number {
  if (input.arrivalRps >= input.servers / input.serviceSeconds) return Number.POSITIVE_INFINITY;
  const state = mgcState(input);
  const shape = serviceTimeShape(input.serviceSeconds, input.serviceCv);
  return quantileOf((t) => sojournTail(state, shape, t), percentile, input.serviceSeconds);
}

/** The service time alone at a percentile: what the sojourn tends to with unlimited servers. */
export function servicePercentile(serviceSeconds: number, cv: number, percentile: number): number {
  const shape = serviceTimeShape(serviceSeconds, cv);
  const noWait: MgcState = {
    offeredLoad: 0,
    utilisation: 0,
    probabilityOfWaiting: 0,
    waitRate: 1,
    allenCunneen: 1,
  };
  return quantileOf((t) => sojournTail(noWait, shape, t), percentile, serviceSeconds);
}

/** Little's law L = λW: the requests in flight in one pod serving `rps` at `latencyMs` each. */
export function inflightPerPod(rps: number, latencyMs: number): Figure {
  const inflight = (rps * latencyMs) / 1000;
  return figure(
    inflight,
    'requests',
    "Little's law: in flight = req/s per pod × latency",
    `${fmt(rps)} × ${fmt(latencyMs / 1000, 3)} s = ${fmt(inflight)}`,
  );
}
