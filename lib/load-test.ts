import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  url: string;
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  totalRequests: number;
  latencyMs: { p50: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** Requests that failed to connect, timed out or were answered with a status outside 2xx. */
export function failedShare(result: LoadResult): number {
  const attempts = result.totalRequests + result.errors;
  return attempts === 0 ? 1 : (result.errors + result.non2xx) / attempts;
}

/** One closed-loop load run with autocannon: fixed connections, fixed duration. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers,
  });
  const total = result.requests.total;
  return {
    url: options.url,
    connections: options.connections,
    durationSeconds: result.duration,
    requestsPerSecond: total / result.duration,
    totalRequests: total,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, average: result.latency.average },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Fails fast with the reason when nothing answers at the URL, before a load run is started. */
export async function probe(url: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new Error(`cannot reach ${url} (${reason})`);
  }
}
