import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../kit/index.js';
import {
  deleteRedisPrefix,
  expectProblem,
  itRejectsBadTokens,
  itRejectsInvalidListQueries,
  itRejectsMalformedJson,
  startTcpProxy,
  type TcpProxy,
  throughProxy,
  uniqueRedisPrefix,
} from '../../test-support/index.js';
import { buildPromptContent } from '../app.js';
import { loadPromptContentConfig } from '../config.js';
import { type ContentHarness, contentEnv, PREFIX, startContent } from './harness.js';

let h: ContentHarness;
let proxy: TcpProxy;
let auth: { authorization: string };

beforeAll(async () => {
  proxy = await startTcpProxy(5432);
  // The app reaches PostgreSQL through the proxy, so the test can cut and restore the database.
  h = await startContent('content_edge', (url) => throughProxy(url, proxy));
  auth = await h.authorization();
});

afterAll(async () => {
  await h?.close();
  await proxy?.close();
});

const target = () => ({ app: h.app, issuer: h.issuer, auth });

const fields = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field);

describe('configuration', () => {
  it('selects the PostgreSQL JSONB store by default', () => {
    const config = loadPromptContentConfig({
      PORT: '3001',
      OIDC_ISSUER: 'https://idp',
      OIDC_AUDIENCE: 'a',
      OIDC_JWKS_URL: 'https://idp/keys',
    });
    expect(config.store.kind).toBe('postgres');
    expect(config.kit.port).toBe(3001);
  });

  it('requires PORT, which the platform spec sets', () => {
    expect(() =>
      loadPromptContentConfig({
        OIDC_ISSUER: 'https://idp',
        OIDC_AUDIENCE: 'a',
        OIDC_JWKS_URL: 'https://idp/keys',
      }),
    ).toThrow(/PORT: is required/);
  });

  it('selects MongoDB when CONTENT_STORE=mongodb and requires MONGODB_URL with it', () => {
    const base = {
      PORT: '0',
      OIDC_ISSUER: 'https://idp',
      OIDC_AUDIENCE: 'a',
      OIDC_JWKS_URL: 'https://idp/keys',
      CONTENT_STORE: 'mongodb',
    };
    expect(() => loadPromptContentConfig(base)).toThrow(ConfigError);
    expect(() => loadPromptContentConfig(base)).toThrow(
      /MONGODB_URL: is required when CONTENT_STORE=mongodb/,
    );
    const config = loadPromptContentConfig({ ...base, MONGODB_URL: 'mongodb+srv://cluster.example/' });
    expect(config.store).toMatchObject({
      kind: 'mongodb',
      url: 'mongodb+srv://cluster.example/',
      database: 'promptcontent',
    });
  });

  it('rejects an unknown store', () => {
    expect(() =>
      loadPromptContentConfig({
        OIDC_ISSUER: 'i',
        OIDC_AUDIENCE: 'a',
        OIDC_JWKS_URL: 'https://idp/keys',
        CONTENT_STORE: 'mysql',
      }),
    ).toThrow(/CONTENT_STORE/);
  });
});

describe('authentication', () => {
  it('requires a bearer token on every API route', async () => {
    for (const path of ['/briefs', '/assets', '/packages']) {
      expectProblem(await h.app.inject({ method: 'GET', url: `${PREFIX}${path}` }), 401);
      expectProblem(await h.app.inject({ method: 'POST', url: `${PREFIX}${path}`, payload: {} }), 401);
    }
  });

  itRejectsBadTokens(target, `${PREFIX}/briefs`);
});

describe('scopes', () => {
  it('needs promptcontent:read to read and promptcontent:write to write (403 naming the missing scope)', async () => {
    const url = `${PREFIX}/briefs`;
    const none = await h.authorization('nobody', []);
    expect(
      expectProblem(await h.app.inject({ method: 'GET', url, headers: none }), 403).missingScopes,
    ).toEqual(['promptcontent:read']);
    const readOnly = await h.authorization('viewer', ['promptcontent:read']);
    expect((await h.app.inject({ method: 'GET', url, headers: readOnly })).statusCode).toBe(200);
    const write = await h.app.inject({ method: 'POST', url, headers: readOnly, payload: {} });
    expect(expectProblem(write, 403).missingScopes).toEqual(['promptcontent:write']);
  });
});

describe('bad input', () => {
  const post = (path: string, payload: string | object) =>
    h.app.inject({
      method: 'POST',
      url: `${PREFIX}${path}`,
      headers: { ...auth, 'content-type': 'application/json' },
      payload,
    });
  const brief = {
    name: 'x',
    objectives: ['y'],
    audience: { description: 'z', segments: [], locales: ['es'] },
    tone: 'formal',
  };

  itRejectsMalformedJson(target, `${PREFIX}/briefs`, '{"name":');

  // Validation stops at the first error: each answer names one of the bad fields.
  it('answers unknown fields, top-level and nested, with 400 naming one', async () => {
    const body = expectProblem(
      await post('/briefs', { ...brief, budget: 10, audience: { ...brief.audience, age: '25-34' } }),
      400,
    );
    expect(fields(body)).toHaveLength(1);
    expect(['/budget', '/audience/age']).toContain(fields(body)[0]);
  });

  it('answers wrong types and out-of-vocabulary values with 400 naming them', async () => {
    const body = expectProblem(
      await post('/briefs', { ...brief, objectives: 'grow', tone: 'sarcastic' }),
      400,
    );
    expect(fields(body)).toHaveLength(1);
    expect(['/objectives', '/tone']).toContain(fields(body)[0]);
    const asset = expectProblem(
      await post('/assets', { briefId: 'nope', kind: 'audio', channel: 'myspace', language: 'Spanish' }),
      400,
    );
    expect(fields(asset)).toHaveLength(1);
    expect(['/briefId', '/kind', '/channel', '/language']).toContain(fields(asset)[0]);
  });

  it('answers asset content with more than one variant with 400', async () => {
    const content = {
      text: { headline: null, body: 'x' },
      image: { uri: 'https://cdn.example/a.png', width: 1, height: 1, altText: 'a' },
    };
    const response = await post('/assets/00000000-0000-4000-8000-000000000000/status-changes', {
      status: 'ready',
      content,
    });
    expectProblem(response, 400);
  });

  it('answers a body over the size limit with 413', async () => {
    const response = await post('/briefs', { ...brief, guidelines: ['x'.repeat(70 * 1024)] });
    expectProblem(response, 413);
  });

  it('answers duplicate asset ids in a package with 400', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const response = await post('/packages', { briefId: id, name: 'p', assetIds: [id, id] });
    expect(fields(expectProblem(response, 400))).toContain('/assetIds');
  });

  itRejectsInvalidListQueries(target, `${PREFIX}/assets`, [
    ['limit=0', '/limit'],
    ['limit=1000', '/limit'],
    ['limit=-1', '/limit'],
    ['cursor=%25%25', '/cursor'],
    ['cursor=WyJub3QtYS1kYXRlIiwieCJd', '/cursor'],
    ['status=published', '/status'],
    ['language=english', '/language'],
    ['sort=name', '/sort'],
  ]);
});

describe('OpenAPI', () => {
  it('documents every route under /api/promptcontent/v1/docs/json', async () => {
    const response = await h.app.inject({ method: 'GET', url: `${PREFIX}/docs/json` });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining(
        [
          '/briefs',
          '/briefs/{id}',
          '/briefs/{id}/status-changes',
          '/assets',
          '/assets/{id}',
          '/assets/{id}/status-changes',
          '/packages',
          '/packages/{id}',
        ].map((path) => `${PREFIX}${path}`),
      ),
    );
  });
});

describe('store outage', () => {
  it('turns readiness and requests into 503 while PostgreSQL is away, and recovers without a restart', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);

    await proxy.cut();
    const ready = expectProblem(await h.app.inject({ method: 'GET', url: '/readyz' }), 503);
    expect(ready.checks).toEqual({ database: 'down', redis: 'up' });
    const list = await h.app.inject({ method: 'GET', url: `${PREFIX}/briefs`, headers: auth });
    expect(expectProblem(list, 503).dependency).toBe('database');

    await proxy.restore();
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: `${PREFIX}/briefs`, headers: auth })).statusCode).toBe(
      200,
    );
  });

  it('checks MongoDB when it is the configured store, answering 503 while it is unreachable', async () => {
    const redisPrefix = uniqueRedisPrefix('content_mongo');
    const closed = await startTcpProxy(27017);
    const port = closed.port;
    await closed.close();
    const config = loadPromptContentConfig(
      contentEnv(h.issuer, redisPrefix, {
        CONTENT_STORE: 'mongodb',
        MONGODB_URL: `mongodb://127.0.0.1:${port}/?directConnection=true`,
        MONGODB_SERVER_SELECTION_TIMEOUT_MS: '300',
      }),
    );
    const { app } = await buildPromptContent(config);
    try {
      const ready = expectProblem(await app.inject({ method: 'GET', url: '/readyz' }), 503);
      expect(ready.checks.mongodb).toBe('down');
      expect(ready.detail).toContain('mongodb');
      const list = await app.inject({ method: 'GET', url: `${PREFIX}/briefs`, headers: auth });
      expect(expectProblem(list, 503).dependency).toBe('mongodb');
    } finally {
      await app.close();
      await deleteRedisPrefix(redisPrefix);
    }
  });
});
