import autocannon from 'autocannon';

export interface HeldLoad {
  targetPerSecond: number;
  achievedPerSecond: number;
  requests: number;
  p99Ms: number;
  /** Connection errors, timeouts and answers outside 2xx: a held load has none. */
  failures: number;
}

/** Open-loop load at a fixed overall rate (autocannon's `overallRate`) for `durationSeconds`. */
export async function holdRate(options: {
  url: string;
  headers: Record<string, string>;
  ratePerSecond: number;
  connections: number;
  durationSeconds: number;
}): Promise<HeldLoad> {
  const result = await autocannon({
    url: options.url,
    headers: options.headers,
    connections: options.connections,
    overallRate: options.ratePerSecond,
    duration: options.durationSeconds,
  });
  return {
    targetPerSecond: options.ratePerSecond,
    achievedPerSecond: result.requests.total / result.duration,
    requests: result.requests.total,
    p99Ms: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}
