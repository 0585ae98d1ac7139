import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueTimes, latencyFromDue, latenessMs, percentile, runOpenLoop, summarise } from './open-loop.js';

describe('the schedule and its arithmetic', () => {
  it('spaces requests 1000 ÷ rate ms apart, rate × duration of them', () => {
    expect(dueTimes(4, 2)).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750]);
    expect(dueTimes(1000, 0.003)).toEqual([0, 1, 2]);
    expect(() => dueTimes(0, 1)).toThrow(/rate must be greater than 0/);
  });

  it('counts latency from the due time, so the wait for a connection is part of it', () => {
    // Due 40 ms after a start at t = 1000, answered at t = 1100: 60 ms, whenever it was sent.
    expect(latencyFromDue(1000, 40, 1100)).toBe(60);
  });

  it('takes percentiles by nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it("takes the monitor's sampling interval off what its histogram records, never below zero", () => {
    // 7.5 ms between two runs of a timer due every 5 ms: 2.5 ms late.
    expect(latenessMs(7_500_000, 5)).toBe(2.5);
    expect(latenessMs(4_900_000, 5)).toBe(0);
    // An empty histogram reports 0.
    expect(latenessMs(0, 5)).toBe(0);
  });

  it('summarises answered latencies and errors', () => {
    const delay = { p99: 1.5, max: 4 };
    const result = summarise({ rate: 10, durationSeconds: 1, connections: 2 }, 10, [5, 1, 3], 7, delay);
    expect(result).toMatchObject({
      sent: 10,
      completed: 3,
      errors: 7,
      latencyMs: { p50: 3, p99: 5, max: 5 },
      generatorDelayMs: delay,
    });
  });
});

describe('runOpenLoop against a local server that answers after a known delay', () => {
  const DELAY_MS = 20;
  let server: Server;
  let url: string;
  let connectionsSeen = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      setTimeout(() => {
        response.statusCode = request.url === '/fail' ? 503 : 200;
        response.end('{}');
      }, DELAY_MS);
    });
    server.on('connection', () => connectionsSeen++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends every request and never measures less than the server delay', async () => {
    const result = await runOpenLoop({ url: `${url}/`, rate: 50, durationSeconds: 0.2, connections: 4 });
    expect(result.sent).toBe(10);
    expect(result.completed).toBe(10);
    expect(result.errors).toBe(0);
    // A timer may fire up to a millisecond early by the performance clock.
    expect(result.latencyMs.p50).toBeGreaterThanOrEqual(DELAY_MS - 1);
  });

  it("reports its own event loop's delay: a stall of the generator shows in it", async () => {
    const BLOCK_MS = 60;
    // 40 ms after the start, the generator's thread is kept busy for 60 ms: its timers run that late.
    setTimeout(() => {
      const until = performance.now() + BLOCK_MS;
      while (performance.now() < until) {
        // busy: nothing else runs on this thread meanwhile
      }
    }, 40);
    const result = await runOpenLoop({ url: `${url}/`, rate: 100, durationSeconds: 0.2, connections: 4 });
    // The monitor's timer, due every 5 ms, cannot run during the stall: one of its runs comes at least
    // 60 ms after the one before, 55 ms or more later than due.
    expect(result.generatorDelayMs.max).toBeGreaterThanOrEqual(BLOCK_MS - 5);
    expect(result.generatorDelayMs.p99).toBeLessThanOrEqual(result.generatorDelayMs.max);
  });

  it('counts the queueing of requests due while the only connection is busy (coordinated omission)', async () => {
    const before = connectionsSeen;
    // 10 requests due 5 ms apart over one keep-alive connection whose server takes 20 ms each: the
    // k-th (from 0) is answered no earlier than (k + 1) × 20 ms after the start, due at k × 5 ms, so
    // the last one waited at least 10 × 20 − 9 × 5 = 155 ms. A closed loop would report about 20 ms.
    const result = await runOpenLoop({ url: `${url}/`, rate: 200, durationSeconds: 0.05, connections: 1 });
    expect(connectionsSeen - before).toBe(1);
    expect(result.completed).toBe(10);
    expect(result.latencyMs.max).toBeGreaterThanOrEqual(10 * DELAY_MS - 9 * 5 - 1);
    expect(result.latencyMs.p50).toBeGreaterThanOrEqual(5 * DELAY_MS - 4 * 5 - 1);
  });

  it('counts answers outside 2xx and unreachable servers as errors, with no latency figure', async () => {
    const failed = await runOpenLoop({
      url: `${url}/fail`,
      rate: 100,
      durationSeconds: 0.05,
      connections: 2,
    });
    expect(failed).toMatchObject({ sent: 5, completed: 0, errors: 5 });
    expect(failed.latencyMs.p99).toBeNaN();

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await runOpenLoop({
      url: `http://127.0.0.1:${port}/`,
      rate: 100,
      durationSeconds: 0.03,
      connections: 1,
    });
    expect(refused).toMatchObject({ sent: 3, completed: 0, errors: 3 });
  });
});
