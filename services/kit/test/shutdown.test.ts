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

async function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', demoScript], {
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      REDIS_KEY_PREFIX: redisPrefix,
      OIDC_ISSUER: issuer.issuer,
      OIDC_AUDIENCE: 'api://promptsales',
      OIDC_JWKS_URL: issuer.jwksUrl,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout!) {
    output += String(chunk);
    const match = /LISTENING (\S+)/.exec(output);
    if (match?.[1]) return { child, url: match[1] };
  }
  throw new Error(`service exited before listening: ${output}`);
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
