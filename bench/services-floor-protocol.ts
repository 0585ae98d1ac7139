/**
 * How the bench and a floor process (bench/services-floor-process.ts) talk. The bench writes the job
 * to a file and names it as the process's argument; the process checks the floor's JSON against the
 * HTTP answer, warms up, says `ready` and waits; the bench opens its CPU window and writes `go` on
 * the process's stdin; the process runs the measured loops and says `done`; the bench closes the
 * window and then closes the stdin, which lets the process release its pool and exit. Start-up,
 * warm-up and teardown stay outside the window.
 */
import { z } from 'zod';
import { SERVICE_NAMES } from './services-catalog.js';

const count = z.number().int().min(0);

export const floorJobSchema = z.object({
  service: z.enum(SERVICE_NAMES),
  databaseUrl: z.string().min(1),
  rows: z.number().int().min(1),
  /** The service's pool size under the same load. */
  poolMax: z.number().int().min(1).max(100),
  /** Measured iterations, split across `concurrency` loops. */
  iterations: z.number().int().min(1),
  concurrency: z.number().int().min(1),
  /** Iterations before `ready`, with the same concurrency. */
  warmup: count,
  /** The service's answer over HTTP for the same list. */
  httpBody: z.unknown(),
});
export type FloorJob = z.infer<typeof floorJobSchema>;

export const floorMessageSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('ready') }),
  z.object({ event: z.literal('done'), iterations: count }),
  z.object({ event: z.literal('failed'), message: z.string() }),
]);
export type FloorMessage = z.infer<typeof floorMessageSchema>;

/** The line the bench writes on the process's stdin to start the measured loops. */
export const GO = 'go';

/**
 * Lists run before `ready`. A fresh process's lists get cheaper over its first few thousand as V8
 * optimises the hot functions (measured on Node 24, blocks of 500 lists at 20 in flight: about
 * 0.9 ms a list in the first block, 0.5 to 0.6 from about the eighth on), so the floor is measured
 * once they have; and at least two per loop, so that every pooled connection is open before the window.
 */
export const FLOOR_WARMUP_LISTS = 4000;

export function floorWarmup(concurrency: number): number {
  return Math.max(FLOOR_WARMUP_LISTS, 2 * concurrency);
}
