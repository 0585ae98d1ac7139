import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContentHarness, PREFIX, startContent } from './harness.js';

let h: ContentHarness;
let auth: { authorization: string };

beforeAll(async () => {
  h = await startContent('content_api');
  auth = await h.authorization();
});

afterAll(async () => {
  await h?.close();
});

const post = (path: string, payload: object) =>
  h.app.inject({ method: 'POST', url: `${PREFIX}${path}`, headers: auth, payload });
const get = (path: string) => h.app.inject({ method: 'GET', url: `${PREFIX}${path}`, headers: auth });

const briefBody = {
  name: 'Spring launch',
  objectives: ['Reach 1M young professionals', 'Drive 10k sign-ups'],
  audience: {
    description: 'Urban professionals 25-34',
    segments: ['urban', 'tech'],
    locales: ['es-CR', 'en-US'],
  },
  tone: 'friendly',
  guidelines: ['Logo top-left', 'No slang'],
};

async function createBrief(overrides: Record<string, unknown> = {}) {
  const response = await post('/briefs', { ...briefBody, ...overrides });
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function approvedBrief(overrides: Record<string, unknown> = {}) {
  const brief = await createBrief(overrides);
  const response = await post(`/briefs/${brief.id}/status-changes`, { status: 'approved' });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function requestAsset(briefId: string, overrides: Record<string, unknown> = {}) {
  const response = await post('/assets', {
    briefId,
    kind: 'text',
    channel: 'instagram',
    language: 'es-CR',
    ...overrides,
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

const textContent = { text: { headline: 'Primavera', body: 'Descubrí lo nuevo' } };

async function approvedAsset(
  briefId: string,
  overrides: Record<string, unknown> = {},
  content: object = textContent,
) {
  const asset = await requestAsset(briefId, overrides);
  for (const change of [{ status: 'generating' }, { status: 'ready', content }, { status: 'approved' }]) {
    const response = await post(`/assets/${asset.id}/status-changes`, change);
    expect(response.statusCode).toBe(200);
  }
  return (await get(`/assets/${asset.id}`)).json();
}

describe('briefs', () => {
  it('creates a draft brief, reads it back and approves it', async () => {
    const accountId = randomUUID();
    const brief = await createBrief({ accountId });
    expect(brief).toMatchObject({ ...briefBody, accountId, status: 'draft', version: 1 });
    expect((await get(`/briefs/${brief.id}`)).json()).toEqual(brief);

    const approved = await post(`/briefs/${brief.id}/status-changes`, { status: 'approved' });
    expect(approved.json()).toMatchObject({ status: 'approved', version: 2 });
    expect((await get(`/briefs/${brief.id}`)).json().status).toBe('approved');
  });

  it('refuses to re-open an archived brief with 409', async () => {
    const brief = await createBrief();
    expect((await post(`/briefs/${brief.id}/status-changes`, { status: 'archived' })).statusCode).toBe(200);
    const response = await post(`/briefs/${brief.id}/status-changes`, { status: 'approved' });
    expect(response.statusCode).toBe(409);
  });

  it('filters briefs by account, status and tone, and pages newest first', async () => {
    const accountId = randomUUID();
    const drafts = [];
    for (let i = 0; i < 3; i++) drafts.push(await createBrief({ accountId, name: `Draft ${i}` }));
    const formal = await approvedBrief({ accountId, tone: 'formal' });

    const approved = (await get(`/briefs?accountId=${accountId}&status=approved&tone=formal`)).json();
    expect(approved.items.map((b: { id: string }) => b.id)).toEqual([formal.id]);

    const first = (await get(`/briefs?accountId=${accountId}&status=draft&limit=2`)).json();
    expect(first.items.map((b: { name: string }) => b.name)).toEqual(['Draft 2', 'Draft 1']);
    const second = (
      await get(`/briefs?accountId=${accountId}&status=draft&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second).toEqual({ items: [drafts[0]], nextCursor: null });
  });

  it('answers 404 for an unknown brief', async () => {
    expect((await get(`/briefs/${randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('assets', () => {
  it('refuses to generate assets from a draft brief (409) or an unknown one (422)', async () => {
    const draft = await createBrief();
    const fromDraft = await post('/assets', {
      briefId: draft.id,
      kind: 'text',
      channel: 'email',
      language: 'es',
    });
    expect(fromDraft.statusCode).toBe(409);
    const unknown = await post('/assets', {
      briefId: randomUUID(),
      kind: 'text',
      channel: 'email',
      language: 'es',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe('/briefId');
  });

  it('tracks an image asset through generation and keeps its content', async () => {
    const brief = await approvedBrief();
    const asset = await requestAsset(brief.id, {
      kind: 'image',
      channel: 'tiktok',
      language: 'pt-BR',
      prompt: 'a flower',
    });
    expect(asset).toMatchObject({ status: 'requested', content: null, prompt: 'a flower' });

    const content = {
      image: { uri: 'https://cdn.example/a.png', width: 1080, height: 1920, altText: 'A flower' },
    };
    await post(`/assets/${asset.id}/status-changes`, { status: 'generating' });
    const ready = await post(`/assets/${asset.id}/status-changes`, { status: 'ready', content });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', content, version: 3 });
    expect((await get(`/assets/${asset.id}`)).json()).toEqual(ready.json());
  });

  it('records a failure with its reason and allows a retry', async () => {
    const brief = await approvedBrief();
    const asset = await requestAsset(brief.id, { kind: 'video' });
    const failed = await post(`/assets/${asset.id}/status-changes`, {
      status: 'failed',
      failureReason: 'model timeout',
    });
    expect(failed.json()).toMatchObject({ status: 'failed', failureReason: 'model timeout' });
    const retried = await post(`/assets/${asset.id}/status-changes`, { status: 'requested' });
    expect(retried.json()).toMatchObject({ status: 'requested', failureReason: null });
  });

  it('refuses content of another kind (422) and skipping a step (409)', async () => {
    const brief = await approvedBrief();
    const asset = await requestAsset(brief.id, { kind: 'text' });
    const skip = await post(`/assets/${asset.id}/status-changes`, { status: 'approved' });
    expect(skip.statusCode).toBe(409);
    await post(`/assets/${asset.id}/status-changes`, { status: 'generating' });
    const video = {
      video: { uri: 'https://cdn.example/v.mp4', durationSeconds: 15, format: 'mp4', aspectRatio: '9:16' },
    };
    const wrongKind = await post(`/assets/${asset.id}/status-changes`, { status: 'ready', content: video });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().errors[0].field).toBe('/content');
    const noContent = await post(`/assets/${asset.id}/status-changes`, { status: 'ready' });
    expect(noContent.statusCode).toBe(422);
  });

  it('filters assets by brief, kind, channel, language and status', async () => {
    const brief = await approvedBrief();
    const wanted = await approvedAsset(brief.id, { channel: 'linkedin', language: 'en-US' });
    await requestAsset(brief.id, { channel: 'linkedin', language: 'en-US' });
    await requestAsset(brief.id, { channel: 'email', language: 'en-US' });

    const ids = async (query: string) =>
      (await get(`/assets?briefId=${brief.id}&${query}`)).json().items.map((a: { id: string }) => a.id);
    expect(await ids('channel=linkedin&language=en-US&status=approved&kind=text')).toEqual([wanted.id]);
    expect(await ids('channel=linkedin')).toHaveLength(2);
    expect(await ids('kind=image')).toEqual([]);
  });
});

describe('campaign packages', () => {
  it("groups a brief's approved assets and returns them with the brief", async () => {
    const brief = await approvedBrief();
    const caption = await approvedAsset(brief.id, { channel: 'instagram', language: 'es-CR' });
    const banner = await approvedAsset(
      brief.id,
      { kind: 'image', channel: 'facebook', language: 'en-US' },
      { image: { uri: 's3://assets/banner.png', width: 1200, height: 628, altText: 'Banner' } },
    );

    const response = await post('/packages', {
      briefId: brief.id,
      name: 'Launch week',
      assetIds: [caption.id, banner.id],
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      briefId: brief.id,
      assetIds: [caption.id, banner.id],
      channels: ['facebook', 'instagram'],
      languages: ['en-US', 'es-CR'],
    });

    const view = (await get(`/packages/${created.id}`)).json();
    expect(view.brief).toEqual(brief);
    expect(view.assets).toEqual([caption, banner]);

    const byChannel = (await get(`/packages?briefId=${brief.id}&channel=facebook&language=es-CR`)).json();
    expect(byChannel.items).toEqual([created]);
    expect((await get(`/packages?briefId=${brief.id}&channel=tiktok`)).json().items).toEqual([]);
  });

  it('refuses unapproved assets (409) and assets of another brief (422)', async () => {
    const brief = await approvedBrief();
    const pending = await requestAsset(brief.id);
    const unapproved = await post('/packages', { briefId: brief.id, name: 'x', assetIds: [pending.id] });
    expect(unapproved.statusCode).toBe(409);

    const other = await approvedBrief();
    const foreign = await approvedAsset(other.id);
    const mixed = await post('/packages', { briefId: brief.id, name: 'x', assetIds: [foreign.id] });
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().errors[0].field).toBe('/assetIds');
  });

  it('answers 404 for an unknown package', async () => {
    expect((await get(`/packages/${randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('over a real socket', () => {
  it('serves a brief round trip over HTTP', async () => {
    const base = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${base}${PREFIX}/briefs`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(briefBody),
    });
    expect(response.status).toBe(201);
    const fetched = await fetch(`${base}${response.headers.get('location')}`, { headers: auth });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toMatchObject({ name: briefBody.name, status: 'draft' });
  });
});
