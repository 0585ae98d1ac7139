import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPostgresDatabase,
  deleteRedisPrefix,
  type LocalIssuer,
  startLocalIssuer,
  type TestDatabase,
  uniqueRedisPrefix,
} from '../../test-support/index.js';
import { processesFromEnv } from '../cluster.js';

const demoScript = fileURLToPath(new URL('./demo-service.ts', import.meta.url));
const redisPrefix = uniqueRedisPrefix('shutdown');
let issuer: LocalIssuer;
let database: TestDatabase;

beforeAll(async () => {
  issuer = await startLocalIssuer();
  database = await createTestPostgresDatabase('shutdown');
});

afterAll(async () => {
  await database?.drop();
  await issuer?.close();
  await deleteRedisPrefix(redisPrefix);
});

/**
 * The demo service in a child process, with PROCESSES_PER_POD=`processes`: resolves once every
 * process listens (all on one URL); `listening()` counts the processes started so far.
 */
async function startChild(
  processes = 1,
): Promise<{ child: ChildProcess; url: string; listening: () => number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', demoScript], {
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'warn',
      PROCESSES_PER_POD: String(processes),
      DATABASE_URL: database.url,
      REDIS_KEY_PREFIX: redisPrefix,
      OIDC_ISSUER: issuer.issuer,
      OIDC_AUDIENCE: 'api://promptsales',
      OIDC_JWKS_URL: issuer.jwksUrl,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Read with a listener, not for-await: leaving a for-await loop would close the pipe the processes write to.
  let output = '';
  const urls = () => [...output.matchAll(/LISTENING (\S+)/g)].map((m) => m[1]!);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const listening = urls();
      if (listening.length === processes) {
        // The workers of a pod share one socket: one port.
        expect(new Set(listening).size).toBe(1);
        resolve({ child, url: listening[0]!, listening: () => urls().length });
      }
    });
    child.once('exit', () => reject(new Error(`service exited before listening: ${output}`)));
  });
}

async function inflight(url: string): Promise<number> {
  const body = await (await fetch(`${url}/metrics`)).text();
  return Number(/^http_requests_inflight\{[^}]*\} (\d+)/m.exec(body)?.[1] ?? 0);
}

describe('graceful shutdown', () => {
  it('finishes in-flight requests after SIGTERM, then exits 0', async () => {
    const { child, url } = await startChild();
    const token = await issuer.token({ tenant: 'tenant-a' });
    const requests = Array.from({ length: 5 }, () =>
      fetch(`${url}/api/demo/v1/slow?ms=1500`, { headers: { authorization: `Bearer ${token}` } }).then(
        async (r) => ({
          status: r.status,
          body: (await r.json()) as { ok: boolean },
        }),
      ),
    );
    // Wait until all five are inside the handler (the metrics request itself counts as one more).
    while ((await inflight(url)) < 6) await new Promise((resolve) => setTimeout(resolve, 20));

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const responses = await Promise.all(requests);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(responses.every((r) => r.body.ok === true)).toBe(true);
    const [code] = await exited;
    expect(code).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});

async function slow(url: string, token: string, ms: number): Promise<{ status: number; pid: number }> {
  const response = await fetch(`${url}/api/demo/v1/slow?ms=${ms}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { pid: number };
  return { status: response.status, pid: body.pid };
}

describe('PROCESSES_PER_POD', () => {
  it('reads a whole number of processes, one when unset, and refuses anything else', () => {
    expect(processesFromEnv({})).toBe(1);
    expect(processesFromEnv({ PROCESSES_PER_POD: '4' })).toBe(4);
    expect(() => processesFromEnv({ PROCESSES_PER_POD: '2.5' })).toThrow(
      /PROCESSES_PER_POD: must be a whole number/,
    );
  });
});

describe('a pod of two processes', () => {
  it('serves from two workers on one socket, reports the pod’s in-flight requests, drains on SIGTERM and exits 0', async () => {
    const { child, url } = await startChild(2);
    const token = await issuer.token({ tenant: 'tenant-a' });
    const requests = Array.from({ length: 6 }, () => slow(url, token, 3_000));
    // The gauge the HPA scales on counts the whole pod: both workers' requests, summed by the primary
    // (six in flight, plus the scrape itself).
    let seen = 0;
    for (let i = 0; i < 100 && seen < 7; i++) {
      seen = await inflight(url);
      if (seen < 7) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen).toBe(7);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const responses = await Promise.all(requests);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    // Six connections opened at once, dealt round robin by the primary: both workers served some.
    expect(new Set(responses.map((r) => r.pid)).size).toBe(2);
    const [code] = await exited;
    expect(code).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  }, 90_000);

  it('replaces a worker that dies, and keeps serving', async () => {
    const { child, url, listening } = await startChild(2);
    const token = await issuer.token({ tenant: 'tenant-a' });
    const { pid } = await slow(url, token, 10);
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 240 && listening() < 3; i++) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(listening()).toBe(3);
    expect((await slow(url, token, 10)).status).toBe(200);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
  }, 120_000);
});
