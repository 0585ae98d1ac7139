/**
 * What a list costs at its floor: the floor process (bench/services-floor-process.ts) on the service's
 * Node, with `concurrency` lists in flight, and its CPU and the database server's read from /proc
 * between `go` and `done`, as the service's are read over its load: with the other core kept busy
 * (bench/busy-neighbour.ts), as the load generator keeps it busy beside the service.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBusyNeighbour } from './busy-neighbour.js';
import { DATABASE_SERVER_NAMES, named, perRequest, startCpuWindow, treeOf } from './proc-cpu.js';
import { startScript } from './script-process.js';
import { SERVICES } from './services-catalog.js';
import {
  type FloorJob,
  type FloorMessage,
  floorMessageSchema,
  floorWarmup,
  GO,
} from './services-floor-protocol.js';

const FLOOR_PROCESS = fileURLToPath(new URL('./services-floor-process.ts', import.meta.url));

/** Measured lists when not told otherwise: enough to span the floor process's major collections. */
export const DEFAULT_FLOOR_ITERATIONS = 8000;

/** Floor processes when not told otherwise: their median stands for the floor. */
export const DEFAULT_FLOOR_RUNS = 3;

export interface FloorFigures {
  iterations: number;
  /** Lists in flight at once. */
  concurrency: number;
  /** CPU of the floor process (user + system, all threads) per iteration, in milliseconds. */
  cpuMsPerRequest: number;
  /** CPU of the database server's processes over the same window, per iteration. */
  dbCpuMsPerRequest: number;
}

export interface FloorCostOptions extends Omit<FloorJob, 'warmup'> {
  /** The node binary the service runs on. */
  node: string;
}

export async function measureFloorCost(options: FloorCostOptions): Promise<FloorFigures> {
  const { node, ...rest } = options;
  const job: FloorJob = { ...rest, warmup: floorWarmup(options.concurrency) };
  const folder = mkdtempSync(join(tmpdir(), 'promptsales-floor-'));
  const jobFile = join(folder, 'job.json');
  writeFileSync(jobFile, JSON.stringify(job));
  const floor = startScript(node, FLOOR_PROCESS, [jobFile], floorMessageSchema, { NODE_ENV: 'production' });
  const expectMessage = async <E extends FloorMessage['event']>(event: E) => {
    const message = await floor.next();
    if (message.event === 'failed') throw new Error(`${options.service} floor: ${message.message}`);
    if (message.event !== event)
      throw new Error(`${options.service} floor: expected "${event}", got "${message.event}"`);
    return message as Extract<FloorMessage, { event: E }>;
  };
  try {
    await expectMessage('ready');
    // The service's CPU is read while its load generator keeps the other core busy: so is the floor's.
    const neighbour = await startBusyNeighbour(node);
    let done: Extract<FloorMessage, { event: 'done' }>;
    const window = startCpuWindow({
      floor: treeOf(floor.child.pid!),
      database: named(DATABASE_SERVER_NAMES[SERVICES[options.service].database]),
    });
    try {
      floor.child.stdin!.write(`${GO}\n`);
      done = await expectMessage('done');
    } finally {
      await neighbour.stop();
    }
    const cpu = window.stop();
    floor.child.stdin!.end();
    const code = await floor.exited;
    if (code !== 0) throw new Error(`${options.service} floor exited with ${code}:\n${floor.output()}`);
    return {
      iterations: done.iterations,
      concurrency: options.concurrency,
      cpuMsPerRequest: perRequest(cpu.floor, done.iterations)!,
      dbCpuMsPerRequest: perRequest(cpu.database, done.iterations)!,
    };
  } finally {
    if (floor.child.exitCode === null && floor.child.signalCode === null) floor.child.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The floor measured in `runs` fresh processes, one after the other; the run with the median CPU per
 * list stands for it. One process's figure moves by up to half from the next one's (measured:
 * 0.38 to 0.66 ms for the same PromptCrm list), more than the margin of the ratio it is judged by.
 */
export async function measureFloorCostMedian(
  options: FloorCostOptions,
  runs: number,
): Promise<FloorFigures & { cpuMsPerRequestRuns: number[] }> {
  const measured: FloorFigures[] = [];
  for (let run = 0; run < runs; run++) measured.push(await measureFloorCost(options));
  const byCpu = [...measured].sort((a, b) => a.cpuMsPerRequest - b.cpuMsPerRequest);
  return {
    ...byCpu[Math.floor((byCpu.length - 1) / 2)]!,
    cpuMsPerRequestRuns: measured.map((figures) => figures.cpuMsPerRequest),
  };
}
