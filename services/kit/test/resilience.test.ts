import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPostgresDatabase,
  deleteRedisPrefix,
  type LocalIssuer,
  startLocalIssuer,
  startTcpProxy,
  type TcpProxy,
  type TestDatabase,
  testServiceEnv,
  uniqueRedisPrefix,
} from '../../test-support/index.js';
import { createDemoApp } from './demo-service.js';

const redisPrefix = uniqueRedisPrefix('resilience');
let issuer: LocalIssuer;
let database: TestDatabase;
let redisProxy: TcpProxy;
let demo: Awaited<ReturnType<typeof createDemoApp>>;

beforeAll(async () => {
  issuer = await startLocalIssuer();
  database = await createTestPostgresDatabase('resilience');
  redisProxy = await startTcpProxy(6379);
  demo = await createDemoApp(
    testServiceEnv(issuer, redisPrefix, {
      DATABASE_URL: database.url,
      REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
      RATE_LIMIT_MAX: '3',
    }),
  );
});

afterAll(async () => {
  await demo?.app.close();
  await redisProxy?.close();
  await database?.drop();
  await issuer?.close();
  await deleteRedisPrefix(redisPrefix);
});

describe('rate limiting backed by Redis', () => {
  it('answers 429 problem+json per caller once the limit is spent', async () => {
    const alice = {
      authorization: `Bearer ${await issuer.token({ subject: 'alice', tenant: 'tenant-alice' })}`,
    };
    const bob = { authorization: `Bearer ${await issuer.token({ subject: 'bob', tenant: 'tenant-bob' })}` };
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await demo.app.inject({ method: 'GET', url: '/api/demo/v1/notes', headers: alice })).statusCode,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await demo.app.inject({ method: 'GET', url: '/api/demo/v1/notes', headers: alice });
    expect(limited.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(
      (await demo.app.inject({ method: 'GET', url: '/api/demo/v1/notes', headers: bob })).statusCode,
    ).toBe(200);
  });

  it('fails open while Redis is down, and readiness names it', async () => {
    await redisProxy.cut();
    const carol = {
      authorization: `Bearer ${await issuer.token({ subject: 'carol', tenant: 'tenant-carol' })}`,
    };
    for (let i = 0; i < 5; i++) {
      expect(
        (await demo.app.inject({ method: 'GET', url: '/api/demo/v1/notes', headers: carol })).statusCode,
      ).toBe(200);
    }
    const ready = await demo.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks).toEqual({ database: 'up', redis: 'down' });

    await redisProxy.restore();
    await expect
      .poll(async () => (await demo.app.inject({ method: 'GET', url: '/readyz' })).statusCode, {
        timeout: 10_000,
      })
      .toBe(200);
  });
});
