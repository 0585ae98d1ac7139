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

export interface MmcInput {
  arrivalRps: number;
  serviceRps: number;
  servers: number;
}

/**
 * P(response time > t) in M/M/c. The response is the service time S ~ Exp(μ) plus, with probability C,
 * a wait W ~ Exp(θ), θ = cμ − λ; the tail of S + W is (θe^(−μt) − μe^(−θt)) ÷ (θ − μ).
 */
export function responseTimeTail(input: MmcInput, seconds: number): number {
  const { arrivalRps: lambda, serviceRps: mu, servers } = input;
  if (lambda >= servers * mu) return 1;
  const waits = erlangC(servers, lambda / mu);
  const theta = servers * mu - lambda;
  const serviceTail = Math.exp(-mu * seconds);
  const withWaitTail =
    Math.abs(theta - mu) < 1e-9 * mu
      ? (1 + mu * seconds) * serviceTail
      : (theta * serviceTail - mu * Math.exp(-theta * seconds)) / (theta - mu);
  return (1 - waits) * serviceTail + waits * withWaitTail;
}

/** The response time at a percentile (e.g. 99), by bisection on the tail. */
export function responseTimePercentile(input: MmcInput, percentile: number): number {
  if (input.arrivalRps >= input.servers * input.serviceRps) return Number.POSITIVE_INFINITY;
  const tail = 1 - percentile / 100;
  let low = 0;
  let high = 1 / input.serviceRps;
  while (responseTimeTail(input, high) > tail) high *= 2;
  for (let i = 0; i < 100; i++) {
    const middle = (low + high) / 2;
    if (responseTimeTail(input, middle) > tail) low = middle;
    else high = middle;
  }
  return high;
}

export interface PodsForLatencyInput {
  arrivalRps: number;
  serviceRpsPerPod: number;
  percentile: number;
  targetMs: number;
}

export interface PodsForLatency {
  pods: Figure;
  probabilityOfWaiting: number;
  latencyAtPercentileMs: number;
  utilisation: number;
}

const MAX_SERVERS = 100_000;

/** The smallest pod count whose M/M/c response time at the percentile is within the target. */
export function podsForLatency(input: PodsForLatencyInput): PodsForLatency {
  const { arrivalRps, serviceRpsPerPod, percentile, targetMs } = input;
  const offered = arrivalRps / serviceRpsPerPod;
  const minimumStable = Math.floor(offered) + 1;
  for (let servers = minimumStable; servers <= MAX_SERVERS; servers++) {
    const mmc = { arrivalRps, serviceRps: serviceRpsPerPod, servers };
    const latencyMs = responseTimePercentile(mmc, percentile) * 1000;
    if (latencyMs <= targetMs) {
      const waits = erlangC(servers, offered);
      return {
        pods: figure(
          servers,
          'pods',
          `smallest c with p${percentile} response time ≤ ${targetMs} ms in M/M/c (λ, μ per pod)`,
          `λ = ${fmt(arrivalRps)} req/s, μ = ${fmt(serviceRpsPerPod)} req/s, A = λ ÷ μ = ${fmt(offered)}; ` +
            `c = ${servers}: P(wait) = ${fmt(waits, 4)}, p${percentile} = ${fmt(latencyMs)} ms`,
        ),
        probabilityOfWaiting: waits,
        latencyAtPercentileMs: latencyMs,
        utilisation: offered / servers,
      };
    }
  }
  throw new RangeError(`no pod count up to ${MAX_SERVERS} meets p${percentile} ≤ ${targetMs} ms`);
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

export interface QueueingReport {
  peak: PodsForLatency;
  inflightPerPod: Figure;
}
