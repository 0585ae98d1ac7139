import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPostgresDatabase,
  deleteRedisPrefix,
  type LocalIssuer,
  PROBLEM,
  startLocalIssuer,
  startTcpProxy,
  type TcpProxy,
  TEST_AUDIENCE,
  TEST_TENANT,
  type TestDatabase,
  testServiceEnv,
  throughProxy,
  uniqueRedisPrefix,
} from '../../test-support/index.js';
import { ConfigError } from '../index.js';
import { createDemoApp } from './demo-service.js';

const AUDIENCE = TEST_AUDIENCE;

let issuer: LocalIssuer;
let database: TestDatabase;
let proxy: TcpProxy;
let demo: Awaited<ReturnType<typeof createDemoApp>>;
let token: string;
const redisPrefix = uniqueRedisPrefix('kit');

function env(overrides: Record<string, string> = {}) {
  return testServiceEnv(issuer, redisPrefix, {
    DATABASE_URL: throughProxy(database.url, proxy),
    OIDC_REQUIRED_SCOPES: 'demo:read',
    BODY_LIMIT_BYTES: '2048',
    ...overrides,
  });
}

beforeAll(async () => {
  issuer = await startLocalIssuer({ defaultAudience: AUDIENCE });
  database = await createTestPostgresDatabase('kit');
  proxy = await startTcpProxy(Number(new URL(database.url).port || 5432));
  demo = await createDemoApp(env());
  token = await issuer.token({ scopes: ['demo:read', 'demo:write'], tenant: TEST_TENANT });
});

afterAll(async () => {
  await demo?.app.close();
  await proxy?.close();
  await database?.drop();
  await issuer?.close();
  await deleteRedisPrefix(redisPrefix);
});

const auth = (value = token) => ({ authorization: `Bearer ${value}` });

describe('configuration', () => {
  it('names every missing or invalid variable', async () => {
    const error = await createDemoApp({ PORT: 'abc', DATABASE_URL: 'postgres://x/y' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT:');
    expect(message).toContain('OIDC_ISSUER: is required');
    expect(message).toContain('OIDC_JWKS_URL:');
  });
});

describe('health, readiness and metrics', () => {
  it('answers liveness without touching dependencies', async () => {
    const response = await demo.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database and Redis answer', async () => {
    const response = await demo.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', checks: { database: 'up', redis: 'up' } });
  });

  it('exposes the in-flight gauge, the duration histogram and process metrics', async () => {
    await demo.app.inject({ method: 'GET', url: '/api/demo/v1/notes', headers: auth() });
    const response = await demo.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/^http_requests_inflight\{service="demo"\} \d+$/m);
    const countLine = response.body
      .split('\n')
      .find(
        (line) =>
          line.startsWith('http_request_duration_seconds_count') &&
          line.includes('route="/api/demo/v1/notes"'),
      );
    expect(countLine).toMatch(/status_code="200".* [1-9]\d*$/);
    expect(response.body).toContain('process_cpu_user_seconds_total');
  });
});

describe('authentication', () => {
  const url = '/api/demo/v1/notes';

  it('accepts a valid token and answers with its own request id, not the client’s', async () => {
    const response = await demo.app.inject({
      method: 'GET',
      url,
      headers: { ...auth(), 'x-request-id': 'req-123' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['missing', async () => undefined, 'missing bearer token'],
    ['expired', () => issuer.token({ scopes: ['demo:read'], expiresIn: -120 }), 'token has expired'],
    ['forged', () => issuer.forgedToken({ scopes: ['demo:read'] }), 'token signature is invalid'],
    ['wrong audience', () => issuer.token({ scopes: ['demo:read'], audience: 'api://other' }), 'audience'],
    ['wrong issuer', () => issuer.token({ scopes: ['demo:read'], issuer: 'https://evil.example' }), 'issuer'],
    ['garbage', async () => 'not-a-jwt', 'malformed'],
  ])('rejects a %s token with 401 problem+json', async (_case, mint, detail) => {
    const value = await mint();
    const response = await demo.app.inject({ method: 'GET', url, headers: value ? auth(value) : {} });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toBe(PROBLEM);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(response.json().detail).toContain(detail);
  });

  it('rejects a token without the service scope with 403', async () => {
    const response = await demo.app.inject({
      method: 'GET',
      url,
      headers: auth(await issuer.token({ scopes: ['other'], tenant: TEST_TENANT })),
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toBe(PROBLEM);
    expect(response.json()).toMatchObject({ status: 403, missingScopes: ['demo:read'] });
  });

  it('rejects a token without the route scope with 403', async () => {
    const readOnly = await issuer.token({ scopes: ['demo:read'], tenant: TEST_TENANT });
    const response = await demo.app.inject({
      method: 'POST',
      url,
      headers: auth(readOnly),
      payload: { text: 'x' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().missingScopes).toEqual(['demo:write']);
  });

  it('accepts Cognito access tokens (client_id instead of aud, prefixed scopes) and refuses ID tokens', async () => {
    const cognito = await createDemoApp(
      env({ OIDC_AUDIENCE: `${AUDIENCE}, portal-client`, OIDC_SCOPE_PREFIX: 'api://promptsales/' }),
    );
    const access = (clientId: string) =>
      issuer.token({
        audience: null,
        tenant: TEST_TENANT,
        claims: { client_id: clientId, token_use: 'access', scope: 'openid api://promptsales/demo:read' },
      });
    try {
      const accepted = await cognito.app.inject({
        method: 'GET',
        url,
        headers: auth(await access('portal-client')),
      });
      expect(accepted.statusCode).toBe(200);
      const otherClient = await cognito.app.inject({
        method: 'GET',
        url,
        headers: auth(await access('someone-else')),
      });
      expect(otherClient.statusCode).toBe(401);
      expect(otherClient.json().detail).toBe('token audience is not accepted');
      const idToken = await issuer.token({
        audience: 'portal-client',
        scopes: ['demo:read'],
        claims: { token_use: 'id' },
      });
      const refused = await cognito.app.inject({ method: 'GET', url, headers: auth(idToken) });
      expect(refused.statusCode).toBe(401);
      expect(refused.json().detail).toBe('an ID token is not an access token');
    } finally {
      await cognito.app.close();
    }
  });

  it('answers 503 when the identity provider key set is unreachable', async () => {
    const closedPort = await startTcpProxy(1);
    await closedPort.cut();
    const isolated = await createDemoApp(env({ OIDC_JWKS_URL: `http://127.0.0.1:${closedPort.port}/keys` }));
    try {
      const response = await isolated.app.inject({ method: 'GET', url, headers: auth() });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toBe(PROBLEM);
      expect(response.json()).toMatchObject({ dependency: 'identity-provider' });
    } finally {
      await isolated.app.close();
    }
  });

  it('serves the OpenAPI document and UI without a token', async () => {
    const json = await demo.app.inject({ method: 'GET', url: '/api/demo/v1/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(json.json().openapi).toBe('3.1.0');
    expect(Object.keys(json.json().paths)).toContain('/api/demo/v1/notes');
    const ui = await demo.app.inject({ method: 'GET', url: '/api/demo/v1/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });
});

describe('problem+json for bad input', () => {
  const url = '/api/demo/v1/notes';
  const post = (payload: string, headers: Record<string, string> = {}) =>
    demo.app.inject({
      method: 'POST',
      url,
      headers: { ...auth(), 'content-type': 'application/json', ...headers },
      payload,
    });

  it('writes and reads back through the database', async () => {
    const created = await post(JSON.stringify({ text: 'hello' }));
    expect(created.statusCode).toBe(201);
    const fetched = await demo.app.inject({
      method: 'GET',
      url: `${url}/${created.json().id}`,
      headers: auth(),
    });
    expect(fetched.json()).toMatchObject({ text: 'hello' });
  });

  it('rejects malformed JSON', async () => {
    const response = await post('{"text": ');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe(PROBLEM);
    expect(response.json().detail).toBe('request body is not valid JSON');
  });

  it('rejects wrong types without coercing them', async () => {
    const response = await post(JSON.stringify({ text: 42 }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ in: 'body', field: '/text', message: 'must be string' }]);
  });

  it('rejects unknown fields', async () => {
    const response = await post(JSON.stringify({ text: 'x', admin: true }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { in: 'body', field: '/admin', message: 'is not an allowed field' },
    ]);
  });

  it('rejects bodies over the limit with 413', async () => {
    const response = await post(JSON.stringify({ text: 'x'.repeat(4096) }));
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toBe(PROBLEM);
  });

  it('rejects other media types with 415', async () => {
    const response = await post('text=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toBe(PROBLEM);
  });

  it.each(['limit=0', 'limit=101', 'limit=ten', 'cursor=%25%25', 'cursor=bm90LWpzb24', 'unknown=1'])(
    'rejects invalid pagination %s',
    async (query) => {
      const response = await demo.app.inject({ method: 'GET', url: `${url}?${query}`, headers: auth() });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toBe(PROBLEM);
      expect(response.json().errors[0].in).toBe('querystring');
    },
  );

  it('pages through a list with the cursor', async () => {
    for (const text of ['a', 'b', 'c']) await post(JSON.stringify({ text }));
    const first = await demo.app.inject({ method: 'GET', url: `${url}?limit=2`, headers: auth() });
    expect(first.json().items).toHaveLength(2);
    const second = await demo.app.inject({
      method: 'GET',
      url: `${url}?limit=2&cursor=${first.json().nextCursor}`,
      headers: auth(),
    });
    expect(second.json().items[0].id).not.toBe(first.json().items[1].id);
  });

  it.each([
    ['a path parameter over the router’s length limit', `${url}/${'a'.repeat(101)}`, 414],
    ['a URL that cannot be decoded', `${url}/%E0%A4%A`, 400],
  ])('answers %s with problem+json', async (_what, target, status) => {
    const response = await demo.app.inject({ method: 'GET', url: target, headers: auth() });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe(PROBLEM);
    expect(response.json()).toMatchObject({ status, requestId: expect.any(String) });
  });

  it('answers unknown routes with 404 problem+json', async () => {
    const response = await demo.app.inject({ method: 'GET', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe(PROBLEM);
  });

  it('hides internals behind a 500', async () => {
    const response = await demo.app.inject({ method: 'GET', url: '/api/demo/v1/boom', headers: auth() });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('.ts');
    expect(response.json()).toMatchObject({ status: 500, requestId: expect.any(String) });
  });

  it('sets the helmet security headers', async () => {
    const response = await demo.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });
});

describe('database outage', () => {
  it('flips readiness and answers 503, then recovers without a restart', async () => {
    await proxy.cut();
    // Readiness comes from a probe cached for a second: poll until it has seen the outage.
    await expect
      .poll(async () => (await demo.app.inject({ method: 'GET', url: '/readyz' })).statusCode, {
        timeout: 5_000,
      })
      .toBe(503);
    const ready = await demo.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.headers['content-type']).toBe(PROBLEM);
    expect(ready.json()).toMatchObject({
      detail: 'not ready: database is down',
      checks: { database: 'down', redis: 'up' },
    });
    const request = await demo.app.inject({ method: 'GET', url: '/api/demo/v1/notes', headers: auth() });
    expect(request.statusCode).toBe(503);
    expect(request.json()).toMatchObject({ status: 503, dependency: 'database' });

    await proxy.restore();
    await expect
      .poll(async () => (await demo.app.inject({ method: 'GET', url: '/readyz' })).statusCode, {
        timeout: 5_000,
      })
      .toBe(200);
    expect(
      (await demo.app.inject({ method: 'GET', url: '/api/demo/v1/notes', headers: auth() })).statusCode,
    ).toBe(200);
  });
});
