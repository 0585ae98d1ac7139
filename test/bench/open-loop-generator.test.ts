import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatorMessageSchema, runOpenLoopGenerator } from '../../bench/open-loop-generator.js';
import { parseMessage } from '../../bench/script-process.js';

describe('the open-loop generator in a process of its own', () => {
  let server: Server;
  let url: string;
  const authorizations: (string | undefined)[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      authorizations.push(request.headers.authorization);
      response.statusCode = request.url === '/fail' ? 503 : 200;
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends the schedule with the caller's headers and hands back its result with its own event-loop delay", async () => {
    const result = await runOpenLoopGenerator(
      {
        url: `${url}/`,
        rate: 100,
        durationSeconds: 0.1,
        connections: 2,
        headers: { authorization: 'Bearer t' },
      },
      process.execPath,
    );
    expect(result).toMatchObject({ rate: 100, sent: 10, completed: 10, errors: 0 });
    expect(authorizations.slice(-10)).toEqual(Array(10).fill('Bearer t'));
    expect(result.generatorDelayMs.max).toBeGreaterThanOrEqual(result.generatorDelayMs.p99);
  });

  it('keeps "no latency" (no 2xx answer) as NaN across the process boundary', async () => {
    const result = await runOpenLoopGenerator(
      { url: `${url}/fail`, rate: 100, durationSeconds: 0.05, connections: 1 },
      process.execPath,
    );
    expect(result).toMatchObject({ sent: 5, completed: 0, errors: 5 });
    expect(result.latencyMs.p99).toBeNaN();
    // JSON writes NaN as null; the message reads it back as NaN.
    const line = JSON.stringify({
      event: 'done',
      result: { ...result, latencyMs: { p50: NaN, p99: NaN, max: NaN } },
    });
    expect(parseMessage(line, generatorMessageSchema)?.result.latencyMs.max).toBeNaN();
  });
});
