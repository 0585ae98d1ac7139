/**
 * What one list request costs a server: a closed-loop run (autocannon) gives the capacity, req/s and
 * p50/p99, while /proc gives the CPU the server's processes and the database server used over the
 * same window; an open-loop run at a share of that capacity, from a generator in a process of its
 * own, then gives the latency a client sees at a steady rate.
 */
import { type LoadResult, runLoad } from '../lib/load-test.js';
import { runOpenLoopGenerator } from './open-loop-generator.js';
import { DATABASE_SERVER_NAMES, named, perRequest, startCpuWindow, treeOf } from './proc-cpu.js';

/** The open-loop rate, as a share of the closed-loop req/s just measured. */
export const OPEN_LOOP_SHARE = 0.7;

export interface ListCost {
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  /** 2xx answers in the closed-loop window: the divisor of the per-request figures. */
  completed: number;
  errors: number;
  non2xx: number;
  /** CPU of the server's process tree (primary and workers) ÷ completed requests, ms. */
  cpuMsPerRequest: number | undefined;
  /** CPU of every process of the database server over the same window ÷ completed requests, ms. */
  dbCpuMsPerRequest: number | undefined;
  openLoop: {
    rate: number;
    p50: number;
    p99: number;
    errors: number;
    sent: number;
    /** The generator's own event-loop delay over the open-loop run (p99, max), ms: its share of a latency. */
    generatorDelayP99Ms: number;
    generatorDelayMaxMs: number;
  };
}

export interface ListCostOptions {
  url: string;
  headers: Record<string, string>;
  /** The server's main process: its CPU and its descendants' are counted. */
  pid: number;
  database: keyof typeof DATABASE_SERVER_NAMES;
  connections: number;
  durationSeconds: number;
  /**
   * A closed-loop run before the measured window, not counted: the floor measures optimised code
   * after its own warm-up, so the service must too.
   */
  warmupSeconds: number;
  /** The node binary the open-loop generator runs on. */
  generatorNode: string;
}

/** 2xx answers of a closed-loop run: autocannon counts every answer in `totalRequests`. */
export function completedOf(load: Pick<LoadResult, 'totalRequests' | 'non2xx'>): number {
  return load.totalRequests - load.non2xx;
}

export async function measureListCost(
  options: ListCostOptions,
): Promise<{ cost: ListCost; load: LoadResult }> {
  await runLoad({
    url: options.url,
    connections: options.connections,
    durationSeconds: options.warmupSeconds,
    headers: options.headers,
  });
  const window = startCpuWindow({
    server: treeOf(options.pid),
    database: named(DATABASE_SERVER_NAMES[options.database]),
  });
  const load = await runLoad({
    url: options.url,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    headers: options.headers,
  });
  const cpu = window.stop();
  const completed = completedOf(load);
  const rate = Math.max(1, Math.round(load.requestsPerSecond * OPEN_LOOP_SHARE));
  const open = await runOpenLoopGenerator(
    {
      url: options.url,
      rate,
      durationSeconds: options.durationSeconds,
      connections: options.connections,
      headers: options.headers,
    },
    options.generatorNode,
  );
  const cost = {
    requestsPerSecond: load.requestsPerSecond,
    latencyMs: { p50: load.latencyMs.p50, p99: load.latencyMs.p99 },
    completed,
    errors: load.errors,
    non2xx: load.non2xx,
    cpuMsPerRequest: perRequest(cpu.server, completed),
    dbCpuMsPerRequest: perRequest(cpu.database, completed),
    openLoop: {
      rate,
      p50: open.latencyMs.p50,
      p99: open.latencyMs.p99,
      errors: open.errors,
      sent: open.sent,
      generatorDelayP99Ms: open.generatorDelayMs.p99,
      generatorDelayMaxMs: open.generatorDelayMs.max,
    },
  };
  return { cost, load };
}
