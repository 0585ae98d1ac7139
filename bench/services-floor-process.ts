/**
 * `node --import tsx bench/services-floor-process.ts <job.json>`: one service's floor in a process of
 * its own, on the Node the service runs on, with as many lists in flight as the load has
 * connections (the protocol: bench/services-floor-protocol.ts; the bench reads this process's CPU
 * from /proc).
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { sendMessage } from './script-process.js';
import { SERVICES } from './services-catalog.js';
import { floorIteration, runLoops } from './services-floor.js';
import { type FloorMessage, floorJobSchema, GO } from './services-floor-protocol.js';
import { FLOOR_SUBJECTS } from './services-floor-subjects.js';

const send = (message: FloorMessage) => sendMessage(message);
const stdin = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function untilGo(): Promise<void> {
  for (;;) {
    const line = await stdin.next();
    if (line.done) throw new Error(`stdin closed before "${GO}"`);
    if (line.value.trim() === GO) return;
  }
}

async function untilStdinEnds(): Promise<void> {
  while (!(await stdin.next()).done) {
    // nothing more is expected: the bench closes stdin once it has read the CPU
  }
}

const job = floorJobSchema.parse(JSON.parse(readFileSync(process.argv[2]!, 'utf8')));
const subject = FLOOR_SUBJECTS[job.service](job.databaseUrl, job.rows, job.poolMax);
try {
  const once = await floorIteration(SERVICES[job.service], subject, job.httpBody);
  await runLoops(once, job.warmup, job.concurrency);
  send({ event: 'ready' });
  await untilGo();
  await runLoops(once, job.iterations, job.concurrency);
  send({ event: 'done', iterations: job.iterations });
  await untilStdinEnds();
} catch (error) {
  send({ event: 'failed', message: (error as Error).message });
  process.exitCode = 1;
} finally {
  await subject.close();
  await stdin.return?.();
}
