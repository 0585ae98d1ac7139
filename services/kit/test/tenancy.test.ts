import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPostgresDatabase,
  deleteRedisPrefix,
  expectProblem,
  type LocalIssuer,
  OTHER_TENANT,
  startLocalIssuer,
  TEST_AUDIENCE,
  TEST_REDIS_URL,
  TEST_TENANT,
  type TestPostgresDatabase,
  testServiceEnv,
  uniqueRedisPrefix,
} from '../../test-support/index.js';
import { createRedis, inTenantPgTransaction, rowLevelSecurityStatements, TenantCache } from '../index.js';
import { createDemoApp } from './demo-service.js';

const redisPrefix = uniqueRedisPrefix('tenancy');
const url = '/api/demo/v1/notes';
let issuer: LocalIssuer;
let database: TestPostgresDatabase;
let demo: Awaited<ReturnType<typeof createDemoApp>>;

const bearer = async (options: Parameters<LocalIssuer['token']>[0]) => ({
  authorization: `Bearer ${await issuer.token({ scopes: ['demo:read', 'demo:write'], ...options })}`,
});

beforeAll(async () => {
  issuer = await startLocalIssuer({ defaultAudience: TEST_AUDIENCE });
  database = await createTestPostgresDatabase('kit tenancy');
  demo = await createDemoApp(
    testServiceEnv(issuer, redisPrefix, {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      RATE_LIMIT_MAX: '5',
    }),
  );
});

afterAll(async () => {
  await demo?.app.close();
  await database?.drop();
  await issuer?.close();
  await deleteRedisPrefix(redisPrefix);
});

describe('the tenant on the principal', () => {
  it('answers 403 problem+json to a valid token that names no tenant', async () => {
    const response = await demo.app.inject({ method: 'GET', url, headers: await bearer({}) });
    expect(expectProblem(response, 403).detail).toBe(
      'token carries no tenant; this route acts on a tenant’s data',
    );
  });

  it('refuses an empty subject (finding 8: `sub: ""` was accepted)', async () => {
    const response = await demo.app.inject({
      method: 'GET',
      url,
      headers: await bearer({ subject: '', tenant: TEST_TENANT }),
    });
    expect(expectProblem(response, 401).detail).toBe('token subject is empty');
  });

  it('refuses a tenant claim that is not a tenant id', async () => {
    const response = await demo.app.inject({
      method: 'GET',
      url,
      headers: await bearer({ claims: { tenant_id: 'Acme Inc' } }),
    });
    expect(expectProblem(response, 401).detail).toBe('token tenant claim is invalid');
  });

  it('reads the claim named by OIDC_TENANT_CLAIM', async () => {
    const custom = await createDemoApp(
      testServiceEnv(issuer, `${redisPrefix}custom:`, {
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        OIDC_TENANT_CLAIM: 'https://promptsales.example/tenant',
      }),
    );
    try {
      const named = await bearer({ claims: { 'https://promptsales.example/tenant': TEST_TENANT } });
      expect((await custom.app.inject({ method: 'GET', url, headers: named })).statusCode).toBe(200);
      const defaultClaim = await bearer({ tenant: TEST_TENANT });
      expect((await custom.app.inject({ method: 'GET', url, headers: defaultClaim })).statusCode).toBe(403);
    } finally {
      await custom.app.close();
    }
  });

  it('lets a service client act for a tenant only with the delegation scope, and never lets a tenant switch', async () => {
    const create = async (headers: Record<string, string>) =>
      demo.app.inject({ method: 'POST', url, headers, payload: { text: 'delegated' } });
    const service = await bearer({
      subject: 'promptads',
      scopes: ['demo:read', 'demo:write', 'demo:delegate'],
    });
    expect((await create({ ...service, 'x-tenant-id': OTHER_TENANT })).statusCode).toBe(201);
    const listed = await demo.app.inject({
      method: 'GET',
      url,
      headers: await bearer({ tenant: OTHER_TENANT }),
    });
    expect(listed.json().items.map((note: { text: string }) => note.text)).toContain('delegated');

    const plain = await bearer({ subject: 'promptads' });
    expect(expectProblem(await create({ ...plain, 'x-tenant-id': OTHER_TENANT }), 403).detail).toBe(
      'x-tenant-id needs the demo:delegate scope',
    );
    const tenantToken = await bearer({
      tenant: TEST_TENANT,
      scopes: ['demo:read', 'demo:write', 'demo:delegate'],
    });
    expect(expectProblem(await create({ ...tenantToken, 'x-tenant-id': OTHER_TENANT }), 403).detail).toBe(
      'a token with a tenant cannot act for another tenant',
    );
  });
});

describe('rate limiting per tenant', () => {
  it('counts every subject of a tenant in one bucket and leaves other tenants alone', async () => {
    const statuses: number[] = [];
    // RATE_LIMIT_MAX is 5: five requests from two users of one tenant, then the sixth is refused.
    for (const subject of ['u1', 'u2', 'u1', 'u2', 'u1', 'u2']) {
      const headers = await bearer({ subject, tenant: 'limited-tenant' });
      statuses.push((await demo.app.inject({ method: 'GET', url, headers })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const other = await bearer({ subject: 'u1', tenant: 'unlimited-tenant' });
    expect((await demo.app.inject({ method: 'GET', url, headers: other })).statusCode).toBe(200);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer, refuses the key for another body and scopes keys by tenant', async () => {
    const post = async (tenant: string, text: string, key: string) =>
      demo.app.inject({
        method: 'POST',
        url,
        headers: { ...(await bearer({ tenant })), 'idempotency-key': key },
        payload: { text },
      });
    const first = await post('idem-tenant', 'once', 'key-1');
    expect(first.statusCode).toBe(201);
    const replay = await post('idem-tenant', 'once', 'key-1');
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    expectProblem(await post('idem-tenant', 'twice', 'key-1'), 422);
    // The same key in another tenant is another request.
    const elsewhere = await post('idem-other', 'once', 'key-1');
    expect(elsewhere.statusCode).toBe(201);
    expect(elsewhere.json().id).not.toBe(first.json().id);

    const { rows } = await demo.pool.query(
      "SELECT count(*)::int AS n FROM notes WHERE tenant_id = 'idem-tenant' AND text = 'once'",
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('row-level security through inTenantPgTransaction', () => {
  let app: pg.Pool;

  beforeAll(async () => {
    const owner = new pg.Client({ connectionString: database.url });
    await owner.connect();
    for (const statement of [
      'CREATE TABLE secrets (id serial PRIMARY KEY, tenant_id text NOT NULL, value text NOT NULL)',
      ...rowLevelSecurityStatements('secrets'),
      `INSERT INTO secrets (tenant_id, value) VALUES ('${TEST_TENANT}', 'a'), ('${OTHER_TENANT}', 'b')`,
    ]) {
      await owner.query(statement);
    }
    await owner.end();
    app = new pg.Pool({ connectionString: database.appUrl, max: 2 });
  });

  afterAll(async () => {
    await app?.end();
  });

  it('shows a connection with no tenant set no rows at all', async () => {
    const { rows } = await app.query('SELECT * FROM secrets');
    expect(rows).toEqual([]);
  });

  it('shows and accepts only the transaction’s tenant, and the setting ends with the transaction', async () => {
    const seen = await inTenantPgTransaction(app, TEST_TENANT, async (client) => {
      const { rows } = await client.query<{ value: string }>('SELECT value FROM secrets ORDER BY value');
      return rows.map((row) => row.value);
    });
    expect(seen).toEqual(['a']);
    await expect(
      inTenantPgTransaction(app, TEST_TENANT, (client) =>
        client.query(`INSERT INTO secrets (tenant_id, value) VALUES ('${OTHER_TENANT}', 'smuggled')`),
      ),
    ).rejects.toThrow(/row-level security/);
    const after = await app.query('SELECT * FROM secrets');
    expect(after.rows).toEqual([]);
  });
});

describe('TenantCache', () => {
  it('keeps tenants apart and clears one tenant’s entries at once', async () => {
    const redis = createRedis(TEST_REDIS_URL, redisPrefix, () => undefined);
    const cache = new TenantCache(redis, { namespace: 'test', ttlSeconds: 30 });
    // The kit's client fails fast while connecting (the cache then reads through); wait for it.
    if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
    try {
      let loads = 0;
      const load = (value: string) => async () => {
        loads++;
        return value;
      };
      expect(await cache.get(TEST_TENANT, 'plan', load('gold'))).toBe('gold');
      expect(await cache.get(OTHER_TENANT, 'plan', load('none'))).toBe('none');
      expect(await cache.get(TEST_TENANT, 'plan', load('ignored'))).toBe('gold');
      expect(loads).toBe(2);
      await cache.clearTenant(TEST_TENANT);
      expect(await cache.get(TEST_TENANT, 'plan', load('cancelled'))).toBe('cancelled');
      expect(await cache.get(OTHER_TENANT, 'plan', load('ignored'))).toBe('none');
      expect(await redis.ttl(`cache:test:tenant:${TEST_TENANT}`)).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});

describe('the development issuer', () => {
  it('puts the tenant form field in the tenant claim, and refuses one that is not a tenant id', async () => {
    issuer.registerClient('developer', { secret: 's3cret', audience: TEST_AUDIENCE, scopes: ['demo:read'] });
    const request = (tenant: string) =>
      fetch(issuer.tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from('developer:s3cret').toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', tenant }),
      });
    const granted = (await (await request('acme')).json()) as { access_token: string };
    const payload = JSON.parse(
      Buffer.from(granted.access_token.split('.')[1]!, 'base64url').toString('utf8'),
    );
    expect(payload).toMatchObject({ sub: 'developer', tenant_id: 'acme', scp: ['demo:read'] });
    const notes = await demo.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${granted.access_token}` },
    });
    expect(notes.statusCode).toBe(200);
    expect((await request('Not A Tenant')).status).toBe(400);
  });
});
