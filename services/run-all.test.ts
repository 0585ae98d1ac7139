import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PER_SERVICE_NAMES, serviceEnv } from './migrate.js';
import {
  createTestMysqlDatabase,
  createTestPostgresDatabase,
  deleteRedisPrefix,
  type TestDatabase,
  uniqueRedisPrefix,
} from './test-support/index.js';

describe('serviceEnv', () => {
  it('maps prefixed variables onto one service and never leaks per-service names', () => {
    const env = serviceEnv(
      'promptads',
      { PORT: '9999', LOG_LEVEL: 'debug', PROMPTADS_PORT: '3002', BUSINESS_PORT: '3004', DATABASE_URL: 'x' },
      PER_SERVICE_NAMES,
    );
    expect(env).toMatchObject({ LOG_LEVEL: 'debug', PORT: '3002' });
    expect(env.DATABASE_URL).toBeUndefined();
  });
});

describe('npm run services', () => {
  const databases: TestDatabase[] = [];
  const redisPrefix = uniqueRedisPrefix('runall');

  beforeAll(async () => {
    databases.push(
      await createTestPostgresDatabase('runall_content'),
      await createTestPostgresDatabase('runall_ads'),
      await createTestPostgresDatabase('runall_crm'),
      await createTestMysqlDatabase('runall_business'),
    );
  });

  afterAll(async () => {
    for (const database of databases) await database.drop();
    await deleteRedisPrefix(redisPrefix);
  });

  it('migrates, starts all four behind the dev issuer, and drains on SIGTERM with exit 0', async () => {
    const [content, ads, crm, business] = databases.map((database) => database.url);
    const env: Record<string, string> = { ...(process.env as Record<string, string>), DEV_ISSUER_PORT: '0' };
    delete env.OIDC_ISSUER;
    for (const [service, url] of Object.entries({
      promptcontent: content,
      promptads: ads,
      promptcrm: crm,
      business,
    })) {
      const prefix = service.toUpperCase();
      Object.assign(env, {
        [`${prefix}_PORT`]: '0',
        [`${prefix}_DATABASE_URL`]: url,
        [`${prefix}_REDIS_KEY_PREFIX`]: `${redisPrefix}${service}:`,
      });
    }
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./run-all.ts', import.meta.url))],
      {
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    for await (const chunk of child.stdout!) {
      output += String(chunk);
      if (output.includes('Ctrl-C')) break;
    }
    const urls = [...output.matchAll(/^(\w+)\s+(http:\/\/127\.0\.0\.1:\d+)/gm)].map(
      (m) => [m[1], m[2]] as const,
    );
    expect(urls.map(([name]) => name).sort()).toEqual([
      'business',
      'promptads',
      'promptcontent',
      'promptcrm',
    ]);
    expect(output).toMatch(/^promptads: applied \[1,2,3,4\]/m);
    const token = /export TOKEN=(\S+)/.exec(output)?.[1];

    for (const [name, url] of urls) {
      expect((await fetch(`${url}/readyz`)).status, name).toBe(200);
      const api = await fetch(`${url}/api/${name}/v1/docs/json`);
      expect(api.status).toBe(200);
    }
    const businessUrl = urls.find(([name]) => name === 'business')![1];
    const plans = await fetch(`${businessUrl}/api/business/v1/plans`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(plans.status).toBe(200);
    expect((await fetch(`${businessUrl}/api/business/v1/plans`)).status).toBe(401);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
  });
});
