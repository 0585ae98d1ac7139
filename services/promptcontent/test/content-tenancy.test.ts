import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../kit/index.js';
import {
  callerOf,
  createTestPostgresDatabase,
  expectProblem,
  OTHER_TENANT,
  TEST_TENANT,
  tableSecurity,
} from '../../test-support/index.js';
import { SCOPES } from '../api/v1/routes.js';
import { contentMigrations } from '../infrastructure/postgres/migrations.js';
import { migratePromptContent } from '../migrate.js';
import { type ContentHarness, PREFIX, startContent } from './harness.js';

/**
 * Issue 10 within PromptContent: finding 1 (another tenant's briefs, assets and packages can be
 * neither read, listed, changed nor used) and finding 2 (approving is its own scope).
 */

type Headers = { authorization: string };

let h: ContentHarness;
let tenantA: Headers;
let tenantB: Headers;

beforeAll(async () => {
  h = await startContent('content_tenancy');
  tenantA = await h.authorization('editor-a', undefined, TEST_TENANT);
  tenantB = await h.authorization('editor-b', undefined, OTHER_TENANT);
});

afterAll(async () => {
  await h?.close();
});

const request = (headers: Headers) => callerOf(h.app, PREFIX, headers);

const briefBody = {
  name: 'Spring launch',
  objectives: ['Drive sign-ups'],
  audience: { description: 'Urban professionals', segments: ['urban'], locales: ['es-CR'] },
  tone: 'friendly',
};

async function ok(response: { statusCode: number; json(): unknown; body: string }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as { id: string } & Record<string, unknown>;
}

/** A tenant's approved brief, an approved asset of it, a package of that asset and a draft brief. */
async function seed(headers: Headers) {
  const api = request(headers);
  const draft = await ok(await api.post('/briefs', briefBody), 201);
  const brief = await ok(await api.post('/briefs', briefBody), 201);
  await ok(await api.post(`/briefs/${brief.id}/status-changes`, { status: 'approved' }));
  const asset = await ok(
    await api.post('/assets', { briefId: brief.id, kind: 'text', channel: 'instagram', language: 'es-CR' }),
    201,
  );
  for (const change of [
    { status: 'generating' },
    { status: 'ready', content: { text: { headline: null, body: 'Hola' } } },
    { status: 'approved' },
  ]) {
    await ok(await api.post(`/assets/${asset.id}/status-changes`, change));
  }
  const campaignPackage = await ok(
    await api.post('/packages', { briefId: brief.id, name: 'Launch', assetIds: [asset.id] }),
    201,
  );
  const read = async (path: string) => ok(await api.get(path));
  return {
    draft: await read(`/briefs/${draft.id}`),
    brief: await read(`/briefs/${brief.id}`),
    asset: await read(`/assets/${asset.id}`),
    campaignPackage: await read(`/packages/${campaignPackage.id}`),
  };
}

describe('object-level authorization across tenants', () => {
  it("answers 404 for another tenant's brief, asset and package, as for one that does not exist", async () => {
    const mine = await seed(tenantA);
    const paths = [
      `/briefs/${mine.brief.id}`,
      `/assets/${mine.asset.id}`,
      `/packages/${mine.campaignPackage.id}`,
    ];
    for (const path of paths) {
      const foreign = expectProblem(await request(tenantB).get(path), 404);
      const unknown = expectProblem(
        await request(tenantB).get(path.replace(/[0-9a-f-]{36}/, randomUUID())),
        404,
      );
      expect(foreign.title).toBe(unknown.title);
    }
  });

  it("changes nothing when another tenant approves, archives or moves another tenant's work (404)", async () => {
    const mine = await seed(tenantA);
    const them = request(tenantB);
    expectProblem(await them.post(`/briefs/${mine.draft.id}/status-changes`, { status: 'approved' }), 404);
    expectProblem(await them.post(`/briefs/${mine.brief.id}/status-changes`, { status: 'archived' }), 404);
    const asset = await ok(
      await request(tenantA).post('/assets', {
        briefId: mine.brief.id,
        kind: 'image',
        channel: 'tiktok',
        language: 'es-CR',
      }),
      201,
    );
    expectProblem(await them.post(`/assets/${asset.id}/status-changes`, { status: 'generating' }), 404);

    const api = request(tenantA);
    expect(await ok(await api.get(`/briefs/${mine.draft.id}`))).toEqual(mine.draft);
    expect(await ok(await api.get(`/briefs/${mine.brief.id}`))).toEqual(mine.brief);
    expect(await ok(await api.get(`/assets/${asset.id}`))).toEqual(asset);
  });

  it("cannot build on another tenant's brief or assets: they do not exist for it (422), nothing stored", async () => {
    const mine = await seed(tenantA);
    const them = request(tenantB);
    const asset = await them.post('/assets', {
      briefId: mine.brief.id,
      kind: 'text',
      channel: 'instagram',
      language: 'es-CR',
    });
    expect(expectProblem(asset, 422).errors[0].field).toBe('/briefId');

    const theirs = await seed(tenantB);
    const stolen = await them.post('/packages', {
      briefId: theirs.brief.id,
      name: 'Stolen',
      assetIds: [mine.asset.id],
    });
    expect(expectProblem(stolen, 422).detail).toContain(mine.asset.id);
    expect((await ok(await them.get(`/assets?briefId=${mine.brief.id}`))).items).toEqual([]);
    expect((await ok(await request(tenantA).get(`/assets?briefId=${mine.brief.id}`))).items).toHaveLength(1);
  });

  it("lists only the caller's own briefs, assets and packages", async () => {
    const mine = await seed(tenantA);
    const theirs = await seed(tenantB);
    const listed = async (headers: Headers, collection: string) =>
      ((await ok(await request(headers).get(`/${collection}?limit=100`))).items as { id: string }[]).map(
        (item) => item.id,
      );
    const pairs = [
      ['briefs', mine.brief.id, theirs.brief.id],
      ['assets', mine.asset.id, theirs.asset.id],
      ['packages', mine.campaignPackage.id, theirs.campaignPackage.id],
    ] as const;
    for (const [collection, own, foreign] of pairs) {
      expect(await listed(tenantA, collection)).toContain(own);
      expect(await listed(tenantA, collection)).not.toContain(foreign);
      expect(await listed(tenantB, collection)).toContain(foreign);
      expect(await listed(tenantB, collection)).not.toContain(own);
    }
  });
});

describe('function-level authorization: approving is promptcontent:approve', () => {
  it('refuses to approve a brief with only the write scope (403 naming the scope) and leaves it a draft', async () => {
    const writer = request(await h.authorization('writer', [SCOPES.read, SCOPES.write]));
    const brief = await ok(await writer.post('/briefs', briefBody), 201);
    const refused = expectProblem(
      await writer.post(`/briefs/${brief.id}/status-changes`, { status: 'approved' }),
      403,
    );
    expect(refused.missingScopes).toEqual([SCOPES.approve]);
    expect((await ok(await writer.get(`/briefs/${brief.id}`))).status).toBe('draft');

    // Archiving is not a review decision: the write scope suffices.
    const archived = await writer.post(`/briefs/${brief.id}/status-changes`, { status: 'archived' });
    expect((await ok(archived)).status).toBe('archived');
  });

  it('lets a writer generate an asset but not approve or reject it; a reviewer may', async () => {
    const writer = request(await h.authorization('writer', [SCOPES.read, SCOPES.write]));
    const reviewer = request(await h.authorization('reviewer', [SCOPES.read, SCOPES.write, SCOPES.approve]));
    const brief = await ok(await reviewer.post('/briefs', briefBody), 201);
    await ok(await reviewer.post(`/briefs/${brief.id}/status-changes`, { status: 'approved' }));
    const asset = await ok(
      await writer.post('/assets', { briefId: brief.id, kind: 'text', channel: 'email', language: 'es' }),
      201,
    );
    await ok(await writer.post(`/assets/${asset.id}/status-changes`, { status: 'generating' }));
    await ok(
      await writer.post(`/assets/${asset.id}/status-changes`, {
        status: 'ready',
        content: { text: { headline: 'Hola', body: 'Texto' } },
      }),
    );
    for (const status of ['approved', 'rejected']) {
      const refused = await writer.post(`/assets/${asset.id}/status-changes`, { status });
      expect(expectProblem(refused, 403).missingScopes).toEqual([SCOPES.approve]);
    }
    expect((await ok(await writer.get(`/assets/${asset.id}`))).status).toBe('ready');
    expect(
      (await ok(await reviewer.post(`/assets/${asset.id}/status-changes`, { status: 'approved' }))).status,
    ).toBe('approved');
  });
});

describe('Idempotency-Key on creating POSTs', () => {
  it('replays the first answer to a retried brief creation and stores one brief', async () => {
    const name = `Retried ${randomUUID()}`;
    const key = randomUUID();
    const post = () => request(tenantA).post('/briefs', { ...briefBody, name }, { 'idempotency-key': key });
    const first = await post();
    expect(first.statusCode).toBe(201);
    const replay = await post();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    const briefs = (await ok(await request(tenantA).get('/briefs?limit=100'))).items as { name: string }[];
    expect(briefs.filter((brief) => brief.name === name)).toHaveLength(1);
  });
});

describe('row-level security on the PostgreSQL store', () => {
  const TABLES = ['content_assets', 'content_briefs', 'content_packages'];

  it('forces a tenant policy on every table, and the service role sees no row with no tenant set', async () => {
    await seed(tenantA);
    await seed(tenantB);
    const owner = new pg.Client({ connectionString: h.database.url });
    const app = new pg.Client({ connectionString: h.database.appUrl });
    await Promise.all([owner.connect(), app.connect()]);
    try {
      const forced = [...TABLES, 'idempotency_keys'].sort();
      expect(await tableSecurity(h.database.url)).toEqual(
        forced.map((table) => ({ table, tenant: true, rls: true, forced: true })),
      );

      for (const table of TABLES) {
        const total = await owner.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect(total.rows[0].n).toBeGreaterThan(0);
        expect((await app.query(`SELECT count(*)::int AS n FROM ${table}`)).rows).toEqual([{ n: 0 }]);
      }
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [OTHER_TENANT]);
      const tenants = await app.query('SELECT DISTINCT tenant_id FROM content_briefs');
      expect(tenants.rows).toEqual([{ tenant_id: OTHER_TENANT }]);
      await app.query('ROLLBACK');
    } finally {
      await Promise.all([owner.end(), app.end()]);
    }
  });

  it('moves documents stored before tenancy under tenant `default`', async () => {
    const database = await createTestPostgresDatabase('content_tenant_migration');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await migratePostgres(database.url, contentMigrations.slice(0, 1));
      const id = randomUUID();
      await client.query(`INSERT INTO content_briefs (id, created_at, doc) VALUES ($1, now(), '{}')`, [id]);
      await migratePromptContent({ kind: 'postgres', url: database.url, poolMax: 1 });
      const { rows } = await client.query('SELECT id, tenant_id FROM content_briefs');
      expect(rows).toEqual([{ id, tenant_id: 'default' }]);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
