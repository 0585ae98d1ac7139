/**
 * The open-loop generator (lib/open-loop.ts) away from the harness: in a process of its own
 * (bench/open-loop-process.ts), so that what the harness holds (autocannon's results, the bench's
 * bookkeeping) cannot stall the requests it sends or the answers it times.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { OpenLoopOptions, OpenLoopResult } from '../lib/open-loop.js';
import { startScript } from './script-process.js';

const GENERATOR_PROCESS = fileURLToPath(new URL('./open-loop-process.ts', import.meta.url));
/** The variable the generator process reads its options from, as JSON. */
export const OPTIONS_VARIABLE = 'OPEN_LOOP_OPTIONS';

export const openLoopOptionsSchema = z.object({
  url: z.url(),
  rate: z.number().positive(),
  durationSeconds: z.number().positive(),
  connections: z.number().int().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  timeoutMs: z.number().positive().optional(),
});

// JSON writes a NaN (no answer to take a percentile of) as null.
const figure = z
  .number()
  .nullable()
  .transform((value) => value ?? Number.NaN);

export const generatorMessageSchema = z.object({
  event: z.literal('done'),
  result: z.object({
    rate: z.number(),
    durationSeconds: z.number(),
    connections: z.number(),
    sent: z.number(),
    completed: z.number(),
    errors: z.number(),
    latencyMs: z.object({ p50: figure, p99: figure, max: figure }),
    generatorDelayMs: z.object({ p99: figure, max: figure }),
  }),
});

/** Runs the open loop on `node` in a child process and resolves with its result. */
export async function runOpenLoopGenerator(options: OpenLoopOptions, node: string): Promise<OpenLoopResult> {
  const generator = startScript(
    node,
    GENERATOR_PROCESS,
    [],
    generatorMessageSchema,
    // In the environment rather than the arguments: the headers carry a token.
    { [OPTIONS_VARIABLE]: JSON.stringify(openLoopOptionsSchema.parse(options)) },
  );
  try {
    const { result } = await generator.next();
    const code = await generator.exited;
    if (code !== 0) throw new Error(`the open-loop generator exited with ${code}:\n${generator.output()}`);
    return result;
  } finally {
    if (generator.child.exitCode === null && generator.child.signalCode === null)
      generator.child.kill('SIGKILL');
  }
}
