import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * An open-loop load: requests are sent at a fixed rate whatever the server does, and each latency is
 * counted from the moment the request was due, not from when a connection was free to send it. A
 * closed-loop generator (autocannon) waits for an answer before sending the next request on a
 * connection, so a stall delays the requests it would have sent and their waiting is never counted
 * (coordinated omission); here it is.
 */
export interface OpenLoopOptions {
  url: string;
  /** Requests per second. */
  rate: number;
  durationSeconds: number;
  /** The most keep-alive connections open at once; requests due while all are busy wait for one. */
  connections: number;
  headers?: Record<string, string>;
  /** A request without an answer this long after it was due counts as an error. Default 10 s. */
  timeoutMs?: number;
}

export interface OpenLoopResult {
  rate: number;
  durationSeconds: number;
  connections: number;
  sent: number;
  /** Answered with a 2xx status. */
  completed: number;
  /** Answered outside 2xx, failed, or timed out. */
  errors: number;
  /** Latencies from the due time, in milliseconds, of the 2xx answers. */
  latencyMs: { p50: number; p99: number; max: number };
  /**
   * How late this process's own event loop ran its timers while the load ran
   * (`monitorEventLoopDelay`), in milliseconds: a request is sent and its answer read no sooner, so
   * up to this much of a latency is the generator's, not the server's.
   */
  generatorDelayMs: { p99: number; max: number };
}

/** The event-loop delay monitor's sampling interval, in milliseconds. */
const DELAY_RESOLUTION_MS = 5;

/**
 * How late the monitor's timer ran, from what its histogram records: the time between two of its
 * runs in nanoseconds, the sampling interval included (an idle loop records about 5 ms at a 5 ms
 * resolution), so the interval is taken off.
 */
export function latenessMs(recordedNs: number, resolutionMs = DELAY_RESOLUTION_MS): number {
  return Math.max(0, recordedNs / 1e6 - resolutionMs);
}

/** When each request is due, in milliseconds from the start: `count` requests, `1000 ÷ rate` apart. */
export function dueTimes(rate: number, durationSeconds: number): number[] {
  if (!(rate > 0)) throw new Error(`rate must be greater than 0, got ${rate}`);
  const count = Math.max(1, Math.floor(rate * durationSeconds));
  const interval = 1000 / rate;
  return Array.from({ length: count }, (_, i) => i * interval);
}

/** The value below which `share` (0..1) of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(share * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** A latency counted from when the request was due: the wait for a connection is part of it. */
export function latencyFromDue(startedAt: number, dueOffsetMs: number, answeredAt: number): number {
  return answeredAt - (startedAt + dueOffsetMs);
}

export function summarise(
  options: Pick<OpenLoopOptions, 'rate' | 'durationSeconds' | 'connections'>,
  sent: number,
  latencies: number[],
  errors: number,
  generatorDelayMs: OpenLoopResult['generatorDelayMs'],
): OpenLoopResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    rate: options.rate,
    durationSeconds: options.durationSeconds,
    connections: options.connections,
    sent,
    completed: sorted.length,
    errors,
    latencyMs: {
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
    },
    generatorDelayMs,
  };
}

/** Runs the open-loop load and resolves once every request sent has been answered or has timed out. */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const timeoutMs = options.timeoutMs ?? 10_000;
  const due = dueTimes(options.rate, options.durationSeconds);
  const latencies: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const delay = monitorEventLoopDelay({ resolution: DELAY_RESOLUTION_MS });
  delay.enable();
  const startedAt = performance.now();

  const send = (dueOffset: number) =>
    new Promise<void>((resolve) => {
      let settled = false;
      const settle = (ok: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (ok) latencies.push(latencyFromDue(startedAt, dueOffset, performance.now()));
        else errors++;
        resolve();
      };
      const timer = setTimeout(
        () => {
          outgoing.destroy();
          settle(false);
        },
        Math.max(1, startedAt + dueOffset + timeoutMs - performance.now()),
      );
      const outgoing = request(options.url, { agent, headers: options.headers }, (response) => {
        response.on('data', () => {});
        response.on('end', () =>
          settle((response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300),
        );
        response.on('error', () => settle(false));
      });
      outgoing.on('error', () => settle(false));
      outgoing.end();
    });

  let next = 0;
  await new Promise<void>((resolve) => {
    // Each tick sends whatever has fallen due, so a late timer sends a burst rather than dropping requests.
    const tick = () => {
      const elapsed = performance.now() - startedAt;
      while (next < due.length && due[next]! <= elapsed) pending.push(send(due[next++]!));
      if (next >= due.length) return resolve();
      setTimeout(tick, Math.max(0, Math.min(1, due[next]! - elapsed)));
    };
    tick();
  });
  await Promise.all(pending);
  delay.disable();
  agent.destroy();
  return summarise(options, due.length, latencies, errors, {
    p99: latenessMs(delay.percentile(99)),
    max: latenessMs(delay.max),
  });
}
