import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPostgresDatabase,
  deleteRedisPrefix,
  expectProblem,
  type LocalIssuer,
  PROBLEM,
  startLocalIssuer,
  TEST_AUDIENCE,
  TEST_TENANT,
  type TestDatabase,
  testServiceEnv,
  uniqueRedisPrefix,
} from '../../test-support/index.js';
import { pgDependency } from '../dependencies.js';
import { cachedReadinessProbe } from '../health.js';
import { encodeCursor } from '../pagination.js';
import { boundProblem } from '../problem-bounds.js';
import { isStrictDate, isStrictDateTime } from '../strict-formats.js';
import { createDemoApp } from './demo-service.js';

const prefixes = [uniqueRedisPrefix('limits'), uniqueRedisPrefix('limits-ip')];
let issuer: LocalIssuer;
let database: TestDatabase;
/** The demo service with its default body limit (64 KB) and a 1 s request timeout, listening on a real socket. */
let demo: Awaited<ReturnType<typeof createDemoApp>>;
let port: number;
let token: string;

const notes = '/api/demo/v1/notes';
const auth = () => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  issuer = await startLocalIssuer({ defaultAudience: TEST_AUDIENCE });
  database = await createTestPostgresDatabase('limits');
  demo = await createDemoApp(
    testServiceEnv(issuer, prefixes[0] as string, {
      DATABASE_URL: database.url,
      OIDC_REQUIRED_SCOPES: 'demo:read',
      REQUEST_TIMEOUT_MS: '1000',
      READINESS_CACHE_MS: '1000',
    }),
  );
  await demo.app.listen({ host: '127.0.0.1', port: 0 });
  port = (demo.app.server.address() as AddressInfo).port;
  token = await issuer.token({ scopes: ['demo:read', 'demo:write'], tenant: TEST_TENANT });
});

afterAll(async () => {
  await demo?.app.close();
  await database?.drop();
  await issuer?.close();
  await Promise.all(prefixes.map((prefix) => deleteRedisPrefix(prefix)));
});

/** Writes `head` on a raw socket, then `trickle` (if any) one byte every 200 ms; resolves with all it read once closed. */
function rawExchange(head: string, trickle = ''): Promise<{ text: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(head);
      if (trickle)
        timer = setInterval(() => {
          if (sent < trickle.length && socket.writable) socket.write(trickle[sent++] ?? '');
        }, 200);
    });
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ text, closedAfterMs: Date.now() - started });
    });
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`socket still open after 10 s; read so far: ${text}`));
    }, 10_000);
  });
}

const problemOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));

describe('finding 4: validation errors are capped and every error body is bounded', () => {
  it('answers 21,000 bad items in a 63 KB body with a small 400', async () => {
    // 21,000 items that are numbers where objects are required: "0," is 2 bytes, 42,000 bytes in all,
    // padded with spaces to 63 KB (under the 64 KB body limit).
    const payload = `{"notes":[${Array(21_000).fill('0').join(',')}]}`.padEnd(63 * 1024, ' ');
    expect(payload.length).toBe(64_512);
    const response = await demo.app.inject({
      method: 'POST',
      url: `${notes}/batch`,
      headers: { ...auth(), 'content-type': 'application/json' },
      payload,
    });
    const body = expectProblem(response, 400);
    expect(body.errors.length).toBeLessThanOrEqual(20);
    expect(body.errors[0]).toEqual({ in: 'body', field: '/notes/0', message: 'must be object' });
    // One error with the envelope is a few hundred bytes; the uncapped answer was 3.6 MB.
    expect(response.body.length).toBeLessThan(1_000);
  });

  it('lists at most 20 errors, counts the rest and cuts every string to 500 characters', () => {
    const errors = Array.from({ length: 25 }, (_, index) => ({
      in: 'body',
      field: `/items/${index}`,
      message: 'x'.repeat(10_000),
    }));
    const bounded = boundProblem({
      type: 't',
      title: 'Bad Request',
      status: 400,
      detail: 'd'.repeat(5_000),
      errors,
    });
    expect(bounded.errors).toHaveLength(20);
    expect(bounded.moreErrors).toBe(5);
    expect((bounded.detail as string).length).toBe(500);
    expect((bounded.errors as { message: string }[])[0]?.message.length).toBe(500);
    // 20 entries of about 530 characters plus a 500-character detail: under 12 KB.
    expect(JSON.stringify(bounded).length).toBeLessThan(12_000);
  });
});

describe('finding 6: input no store can hold answers 400 naming the field', () => {
  it.each([
    ['a NUL in a body string', '{"text":"a\\u0000b"}', '/text', 'NUL'],
    ['a lone surrogate in a body string', '{"text":"\\ud800"}', '/text', 'lone UTF-16 surrogate'],
    ['a lone low surrogate', '{"text":"x\\udc00"}', '/text', 'lone UTF-16 surrogate'],
    ['a NUL in a property name', '{"te\\u0000xt":"a"}', '/te\u0000xt', 'NUL'],
  ])('rejects %s', async (_label, payload, field, reason) => {
    const response = await demo.app.inject({
      method: 'POST',
      url: notes,
      headers: { ...auth(), 'content-type': 'application/json' },
      payload,
    });
    const body = expectProblem(response, 400);
    expect(body.errors).toEqual([{ in: 'body', field, message: expect.stringContaining(reason) }]);
    expect(body.detail).toContain(reason);
  });

  it('accepts a well-formed surrogate pair (an emoji)', async () => {
    const response = await demo.app.inject({
      method: 'POST',
      url: notes,
      headers: { ...auth(), 'content-type': 'application/json' },
      payload: '{"text":"launch \\ud83d\\ude80"}',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().text).toBe('launch 🚀');
  });

  it('rejects a NUL in a query string and in a path parameter', async () => {
    const query = await demo.app.inject({ method: 'GET', url: `${notes}?cursor=a%00b`, headers: auth() });
    expect(expectProblem(query, 400).errors).toEqual([
      { in: 'querystring', field: '/cursor', message: expect.stringContaining('NUL') },
    ]);
    const param = await demo.app.inject({ method: 'GET', url: `${notes}/%00`, headers: auth() });
    expect(expectProblem(param, 400).errors).toEqual([
      { in: 'params', field: '/id', message: expect.stringContaining('NUL') },
    ]);
  });

  it('accepts only a cursor the server could have minted: it must encode back to itself', async () => {
    const minted = encodeCursor({ sortKey: '1', id: '1' });
    expect(
      (await demo.app.inject({ method: 'GET', url: `${notes}?cursor=${minted}`, headers: auth() }))
        .statusCode,
    ).toBe(200);
    // The same position with a space in the JSON: decodes, but the server never writes it.
    const forged = Buffer.from('["1", "1"]').toString('base64url');
    const response = await demo.app.inject({
      method: 'GET',
      url: `${notes}?cursor=${forged}`,
      headers: auth(),
    });
    expect(expectProblem(response, 400).errors).toEqual([
      { in: 'querystring', field: '/cursor', message: 'is not a valid cursor' },
    ]);
  });

  it.each([
    ['2016-12-31T23:59:60Z', false, 'a leap second'],
    ['0000-01-01T00:00:00Z', false, 'year 0000'],
    ['0001-01-01T00:30:00+01:00', false, 'year 0000 once in UTC'],
    ['2026-02-29T10:00:00Z', false, 'a day 2026 does not have'],
    ['2026-04-31T10:00:00Z', false, 'the 31st of April'],
    ['2026-01-01T24:00:00Z', false, 'hour 24'],
    ['2026-01-01T10:00:00+24:00', false, 'an offset of 24 hours'],
    ['10000-01-01T00:00:00Z', false, 'a five-digit year'],
    ['2024-02-29T23:59:59.999999Z', true, 'a leap day with microseconds'],
    ['0001-01-01T00:00:00Z', true, 'the first instant of year 1'],
    ['9999-12-31T23:59:59.999Z', true, 'the last millisecond of 9999'],
    ['2026-06-01T08:00:00+02:00', true, 'an offset'],
  ])('date-time %s is %s (%s)', (value, valid) => {
    expect(isStrictDateTime(value)).toBe(valid);
  });

  it.each([
    ['0000-12-31', false],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['0001-01-01', true],
  ])('date %s is %s', (value, valid) => {
    expect(isStrictDate(value)).toBe(valid);
  });
});

describe('finding 8: limits before authentication and on the connection', () => {
  it('answers 429 to one address after 1,200 requests a minute, before checking the token', async () => {
    const flooded = await createDemoApp(
      testServiceEnv(issuer, prefixes[1] as string, { DATABASE_URL: database.url }),
    );
    try {
      const statuses: number[] = [];
      // 3,000 requests with a bad token, 100 at a time: the first 1,200 (the default limit) get 401.
      for (let batch = 0; batch < 30; batch += 1) {
        const responses = await Promise.all(
          Array.from({ length: 100 }, () =>
            flooded.app.inject({
              method: 'GET',
              url: notes,
              headers: { authorization: 'Bearer not.a.token' },
            }),
          ),
        );
        statuses.push(...responses.map((response) => response.statusCode));
      }
      const count = (status: number) => statuses.filter((s) => s === status).length;
      // A fixed window may turn over during the run; either way at least 3,000 - 2 × 1,200 are refused.
      expect(count(401) + count(429)).toBe(3_000);
      expect(count(429)).toBeGreaterThanOrEqual(600);
      const refused = await flooded.app.inject({ method: 'GET', url: notes, headers: auth() });
      if (refused.statusCode === 429) {
        expect(refused.headers['content-type']).toBe(PROBLEM);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }
      // Probes are not counted against the address.
      expect((await flooded.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await flooded.app.close();
    }
  });

  it('probes the stores at most once per period however often /readyz is asked', async () => {
    let probes = 0;
    const database = pgDependency(demo.pool);
    const counted = {
      ...database,
      check: async () => {
        probes += 1;
        await database.check();
      },
    };
    const readiness = cachedReadinessProbe([counted], 60_000);
    const answers = await Promise.all(Array.from({ length: 500 }, () => readiness()));
    expect(answers.every((checks) => checks.database === 'up')).toBe(true);
    expect(probes).toBe(1);
    const fresh = cachedReadinessProbe([counted], 0);
    await fresh();
    await fresh();
    expect(probes).toBe(3);
  });

  it('answers a flood of /readyz from the cached probe', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => demo.app.inject({ method: 'GET', url: '/readyz' })),
    );
    expect(answers.every((response) => response.statusCode === 200)).toBe(true);
  });

  it('cuts off a client that trickles its body, with a 408 problem', async () => {
    const head =
      `POST ${notes} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n` +
      'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n';
    // 1,000 bytes at one per 200 ms would hold the socket 200 s; REQUEST_TIMEOUT_MS is 1 s here.
    const { text, closedAfterMs } = await rawExchange(head, `{"text":"${'a'.repeat(990)}"}`);
    expect(closedAfterMs).toBeLessThan(5_000);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(text).toContain('Content-Type: application/problem+json; charset=utf-8');
    expect(problemOf(text)).toMatchObject({ status: 408, type: 'urn:promptsales:problem:request-timeout' });
  }, 15_000);

  it('answers headers over 16 KB with a 431 problem', async () => {
    const head = `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'a'.repeat(20 * 1024)}\r\n\r\n`;
    const { text } = await rawExchange(head);
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    expect(text).toContain('Content-Type: application/problem+json; charset=utf-8');
    expect(problemOf(text)).toMatchObject({ status: 431, type: 'urn:promptsales:problem:headers-too-large' });
  });

  it('uses its own request id, never the client’s', async () => {
    const response = await demo.app.inject({
      method: 'GET',
      url: notes,
      headers: { ...auth(), 'x-request-id': 'chosen-by-client' },
    });
    expect(response.headers['x-request-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('names the path, never the query string, as a problem’s instance', async () => {
    const invalid = await demo.app.inject({
      method: 'GET',
      url: `${notes}?limit=0&email=someone%40example.com&token=secret`,
      headers: auth(),
    });
    expect(expectProblem(invalid, 400).instance).toBe(notes);
    expect(invalid.body).not.toContain('secret');
    const unknown = await demo.app.inject({ method: 'GET', url: '/nowhere?token=secret' });
    expect(expectProblem(unknown, 404).instance).toBe('/nowhere');
    expect(unknown.body).not.toContain('secret');
  });
});
