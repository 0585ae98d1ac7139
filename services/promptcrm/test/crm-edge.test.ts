import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  itRejectsBadTokens,
  itRejectsInvalidListQueries,
  itRejectsMalformedJson,
  startTcpProxy,
  type TcpProxy,
  TEST_TENANT,
  throughProxy,
} from '../../test-support/index.js';
import { AUDIENCE, type CrmHarness, PREFIX, startCrm } from './harness.js';

let h: CrmHarness;
let proxy: TcpProxy;
let auth: { authorization: string };

beforeAll(async () => {
  proxy = await startTcpProxy(5432);
  // The app reaches PostgreSQL through the proxy, so the test can cut and restore the database.
  h = await startCrm('crm_edge', {}, (url) => throughProxy(url, proxy));
  auth = await h.authorization();
});

afterAll(async () => {
  await h?.close();
  await proxy?.close();
});

const target = () => ({ app: h.app, issuer: h.issuer, auth });

const leadBody = {
  contactId: randomUUID(),
  title: 'A lead',
  source: 'manual',
  segment: { type: 'b2b', industry: 'retail', purchasePotential: 'low', region: 'latam' },
};

describe('authentication', () => {
  const url = `${PREFIX}/leads`;

  it('requires a bearer token on every API route', async () => {
    for (const path of [
      '/organisations',
      '/accounts',
      '/contacts',
      '/leads',
      `/leads/${randomUUID()}/timeline`,
    ]) {
      const response = await h.app.inject({ method: 'GET', url: `${PREFIX}${path}` });
      expectProblem(response, 401);
    }
    expectProblem(await h.app.inject({ method: 'POST', url, payload: leadBody }), 401);
  });

  itRejectsBadTokens(target, url);

  it('accepts a valid token for the configured audience', async () => {
    const token = await h.issuer.token({
      audience: AUDIENCE,
      scopes: ['promptcrm:read'],
      tenant: TEST_TENANT,
    });
    const response = await h.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
  });

  it('answers 403 to a valid token that names no tenant, 401 to one whose tenant is malformed', async () => {
    const headers = async (claims: Record<string, unknown>) => ({
      authorization: `Bearer ${await h.issuer.token({ audience: AUDIENCE, scopes: ['promptcrm:read'], claims })}`,
    });
    const none = await h.app.inject({ method: 'GET', url, headers: await headers({}) });
    expect(expectProblem(none, 403).detail).toMatch(/tenant/);
    for (const tenant of ['', 'Acme Corp', ['tenant-a']]) {
      const response = await h.app.inject({
        method: 'GET',
        url,
        headers: await headers({ tenant_id: tenant }),
      });
      expect(expectProblem(response, 401).detail).toMatch(/tenant/);
    }
  });

  it('needs promptcrm:read to read and promptcrm:write to write (403 naming the missing scope)', async () => {
    const none = await h.authorization('nobody', []);
    const noRead = expectProblem(await h.app.inject({ method: 'GET', url, headers: none }), 403);
    expect(noRead.missingScopes).toEqual(['promptcrm:read']);

    const readOnly = await h.authorization('viewer', ['promptcrm:read']);
    expect((await h.app.inject({ method: 'GET', url, headers: readOnly })).statusCode).toBe(200);
    const write = await h.app.inject({ method: 'POST', url, headers: readOnly, payload: leadBody });
    expect(expectProblem(write, 403).missingScopes).toEqual(['promptcrm:write']);
  });
});

describe('bad input', () => {
  const post = (url: string, payload: string | object, contentType = 'application/json') =>
    h.app.inject({
      method: 'POST',
      url: `${PREFIX}${url}`,
      headers: { ...auth, 'content-type': contentType },
      payload,
    });

  itRejectsMalformedJson(target, `${PREFIX}/leads`, '{"contactId": ');

  it('answers unknown fields with 400 naming the field', async () => {
    const body = expectProblem(await post('/leads', { ...leadBody, priority: 'urgent' }), 400);
    expect(body.errors).toContainEqual({
      in: 'body',
      field: '/priority',
      message: 'is not an allowed field',
    });
  });

  it('answers unknown nested fields and wrong types with 400 naming the first', async () => {
    const body = expectProblem(
      await post('/leads', { ...leadBody, title: 42, segment: { ...leadBody.segment, score: 9 } }),
      400,
    );
    const fields = body.errors.map((e: { field: string }) => e.field);
    // Validation stops at the first error: the one field named is one of the bad ones.
    expect(fields).toHaveLength(1);
    expect(['/title', '/segment/score']).toContain(fields[0]);
  });

  it('answers values outside the vocabulary with 400', async () => {
    const body = expectProblem(
      await post('/accounts', { name: 'x', type: 'vip', industry: 'Retail!', region: 'latam' }),
      400,
    );
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toHaveLength(1);
    expect(['/type', '/industry']).toContain(fields[0]);
  });

  it('answers a missing required field with 400', async () => {
    const body = expectProblem(await post('/contacts', { firstName: 'A', lastName: 'B' }), 400);
    expect(body.errors).toContainEqual({ in: 'body', field: '/email', message: 'is required' });
  });

  it('answers an invalid e-mail and a blank name with 400', async () => {
    const body = expectProblem(
      await post('/contacts', { firstName: '  ', lastName: 'B', email: 'not-an-email' }),
      400,
    );
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toHaveLength(1);
    expect(['/firstName', '/email']).toContain(fields[0]);
  });

  it('answers a body over the size limit with 413', async () => {
    const summary = 'x'.repeat(70 * 1024);
    const response = await post(`/leads/${randomUUID()}/interactions`, {
      channel: 'email',
      direction: 'inbound',
      summary,
    });
    expectProblem(response, 413);
  });

  it('answers a body that is not JSON with 415', async () => {
    expectProblem(await post('/leads', 'title=x', 'application/x-www-form-urlencoded'), 415);
  });

  itRejectsInvalidListQueries(target, `${PREFIX}/leads`, [
    ['limit=0', '/limit'],
    ['limit=101', '/limit'],
    ['limit=ten', '/limit'],
    ['cursor=***', '/cursor'],
    ['cursor=bm90LWEtY3Vyc29y', '/cursor'],
    ['region=Not%20A%20Slug', '/region'],
    ['status=open', '/status'],
    ['contactId=123', '/contactId'],
    ['colour=blue', '/colour'],
  ]);

  it('answers a cursor forged with a non-uuid key with 400, not a database error', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', "x' OR 1=1"])).toString(
      'base64url',
    );
    const response = await h.app.inject({
      method: 'GET',
      url: `${PREFIX}/leads?cursor=${forged}`,
      headers: auth,
    });
    expectProblem(response, 400);
  });

  it('answers a path id that is not a uuid with 400', async () => {
    const response = await h.app.inject({ method: 'GET', url: `${PREFIX}/leads/not-a-uuid`, headers: auth });
    expect(expectProblem(response, 400).errors[0].field).toBe('/id');
  });
});

describe('OpenAPI', () => {
  it('documents every route under /api/promptcrm/v1/docs/json', async () => {
    const response = await h.app.inject({ method: 'GET', url: `${PREFIX}/docs/json` });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        `${PREFIX}/organisations`,
        `${PREFIX}/organisations/{id}`,
        `${PREFIX}/accounts`,
        `${PREFIX}/accounts/{id}`,
        `${PREFIX}/contacts`,
        `${PREFIX}/contacts/{id}`,
        `${PREFIX}/leads`,
        `${PREFIX}/leads/{id}`,
        `${PREFIX}/leads/{id}/status-changes`,
        `${PREFIX}/leads/{id}/interactions`,
        `${PREFIX}/leads/{id}/timeline`,
      ]),
    );
  });
});

describe('database outage', () => {
  it('turns readiness and requests into 503 while PostgreSQL is away, and recovers without a restart', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);

    await proxy.cut();
    const ready = await h.app.inject({ method: 'GET', url: '/readyz' });
    expect(expectProblem(ready, 503)).toMatchObject({ checks: { database: 'down', redis: 'up' } });
    const list = await h.app.inject({ method: 'GET', url: `${PREFIX}/leads`, headers: auth });
    expect(expectProblem(list, 503).dependency).toBe('database');
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    await proxy.restore();
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: `${PREFIX}/leads`, headers: auth })).statusCode).toBe(
      200,
    );
  });
});
