import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentRepository } from '../application/ports.js';
import type { AssetContent, AssetKind, Channel, GeneratedAsset } from '../domain/asset.js';
import type { CreativeBrief } from '../domain/brief.js';
import type { CampaignPackage } from '../domain/campaign-package.js';

export interface ContractSubject {
  repository: ContentRepository;
  /** Drops whatever the factory created (database, collections). */
  dispose(): Promise<void>;
}

/** The tenant every test acts in, unless it is about another tenant. */
const TENANT = 'acme';
const OTHER = 'globex';

const BASE = Date.parse('2031-01-01T00:00:00.000Z');
const at = (offsetSeconds: number) => new Date(BASE + offsetSeconds * 1000);

function brief(overrides: Partial<CreativeBrief> = {}): CreativeBrief {
  return {
    id: randomUUID(),
    accountId: randomUUID(),
    name: 'Spring launch',
    objectives: ['awareness', 'sign-ups'],
    audience: {
      description: 'Young professionals',
      segments: ['urban', '25-34'],
      locales: ['es-CR', 'en-US'],
    },
    tone: 'friendly',
    guidelines: ['no slang', 'logo top-left'],
    status: 'draft',
    version: 1,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

function asset(briefId: string, overrides: Partial<GeneratedAsset> = {}): GeneratedAsset {
  return {
    id: randomUUID(),
    briefId,
    kind: 'text',
    channel: 'instagram',
    language: 'es-CR',
    status: 'requested',
    prompt: 'Write a caption',
    content: null,
    failureReason: null,
    version: 1,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

function campaignPackage(briefId: string, overrides: Partial<CampaignPackage> = {}): CampaignPackage {
  return {
    id: randomUUID(),
    briefId,
    name: 'Launch week',
    assetIds: [randomUUID()],
    channels: ['instagram'],
    languages: ['es-CR'],
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

/**
 * The behaviour every ContentRepository adapter must show. Each test scopes its data (a fresh
 * brief or account id), so the suite can share one store per adapter.
 */
export function contentRepositoryContract(adapter: string, create: () => Promise<ContractSubject>): void {
  describe(`ContentRepository contract: ${adapter}`, () => {
    let subject: ContractSubject;
    let repository: ContentRepository;

    beforeAll(async () => {
      subject = await create();
      repository = subject.repository;
      await repository.migrate();
    });

    afterAll(async () => {
      await subject?.dispose();
    });

    it('migrates idempotently and answers pings', async () => {
      await repository.migrate();
      await expect(repository.ping()).resolves.toBeUndefined();
    });

    it('stores a brief and reads back every field with its type', async () => {
      const stored = brief({ accountId: null });
      await repository.briefs.insert(TENANT, stored);
      const found = await repository.briefs.findById(TENANT, stored.id);
      expect(found).toEqual(stored);
      expect(found?.createdAt).toBeInstanceOf(Date);
    });

    it('returns null for an unknown id and only the existing documents for a list of ids', async () => {
      const b = brief();
      await repository.briefs.insert(TENANT, b);
      expect(await repository.briefs.findById(TENANT, randomUUID())).toBeNull();
      const found = await repository.briefs.findByIds(TENANT, [b.id, randomUUID()]);
      expect(found.map((x) => x.id)).toEqual([b.id]);
      expect(await repository.briefs.findByIds(TENANT, [])).toEqual([]);
    });

    it('replaces a document only at the expected version', async () => {
      const original = brief();
      await repository.briefs.insert(TENANT, original);
      const approved = { ...original, status: 'approved' as const, version: 2, updatedAt: at(60) };
      expect(await repository.briefs.replace(TENANT, approved, 1)).toBe(true);
      expect(await repository.briefs.findById(TENANT, original.id)).toEqual(approved);

      const stale = { ...original, status: 'archived' as const, version: 2, updatedAt: at(120) };
      expect(await repository.briefs.replace(TENANT, stale, 1)).toBe(false);
      expect(await repository.briefs.findById(TENANT, original.id)).toEqual(approved);
    });

    it('round-trips every asset content variant', async () => {
      const b = brief();
      const variants: [AssetKind, AssetContent | null][] = [
        ['text', { text: { headline: 'Hola', body: 'Descubrí la primavera' } }],
        ['image', { image: { uri: 's3://assets/a.png', width: 1080, height: 1350, altText: 'A flower' } }],
        [
          'video',
          { video: { uri: 's3://assets/v.mp4', durationSeconds: 15, format: 'mp4', aspectRatio: '9:16' } },
        ],
        ['text', null],
      ];
      for (const [kind, content] of variants) {
        const a = asset(b.id, { kind, content, status: content ? 'ready' : 'requested' });
        await repository.assets.insert(TENANT, a);
        expect(await repository.assets.findById(TENANT, a.id)).toEqual(a);
      }
    });

    it('lists newest first and pages through ties on the timestamp without gaps or repeats', async () => {
      const accountId = randomUUID();
      const briefs = [0, 10, 10, 10, 20, 30, 30].map((offset) => brief({ accountId, createdAt: at(offset) }));
      for (const b of briefs) await repository.briefs.insert(TENANT, b);
      const expected = [...briefs]
        .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (x.id < y.id ? 1 : -1))
        .map((b) => b.id);

      const seen: string[] = [];
      let after: { createdAt: Date; id: string } | undefined;
      for (let pageNumber = 0; pageNumber < 10; pageNumber++) {
        const page = await repository.briefs.list(TENANT, { filter: { accountId }, limit: 3, after });
        seen.push(...page.items.map((b) => b.id));
        if (!page.hasMore) break;
        const last = page.items.at(-1)!;
        after = { createdAt: last.createdAt, id: last.id };
      }
      expect(seen).toEqual(expected);
    });

    it('pages any mix of timestamps and page sizes into exactly the sorted list', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 9 }),
          fc.integer({ min: 1, max: 4 }),
          async (offsets, limit) => {
            const accountId = randomUUID();
            const briefs = offsets.map((offset) => brief({ accountId, createdAt: at(offset) }));
            for (const b of briefs) await repository.briefs.insert(TENANT, b);
            const expected = [...briefs]
              .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (x.id < y.id ? 1 : -1))
              .map((b) => b.id);

            const seen: string[] = [];
            let after: { createdAt: Date; id: string } | undefined;
            for (;;) {
              const page = await repository.briefs.list(TENANT, { filter: { accountId }, limit, after });
              expect(page.items.length).toBeLessThanOrEqual(limit);
              seen.push(...page.items.map((b) => b.id));
              if (!page.hasMore) break;
              const last = page.items.at(-1)!;
              after = { createdAt: last.createdAt, id: last.id };
            }
            expect(seen).toEqual(expected);
          },
        ),
        { numRuns: 15 },
      );
    });

    it('reports no further page when the last page is exactly full', async () => {
      const accountId = randomUUID();
      for (const offset of [1, 2])
        await repository.briefs.insert(TENANT, brief({ accountId, createdAt: at(offset) }));
      const page = await repository.briefs.list(TENANT, { filter: { accountId }, limit: 2 });
      expect(page.items).toHaveLength(2);
      expect(page.hasMore).toBe(false);
    });

    it('puts the newest document first when listing without filters', async () => {
      const newest = brief({ createdAt: at(10_000_000) });
      await repository.briefs.insert(TENANT, newest);
      const page = await repository.briefs.list(TENANT, { filter: {}, limit: 5 });
      expect(page.items[0]?.id).toBe(newest.id);
      const times = page.items.map((b) => b.createdAt.getTime());
      expect(times).toEqual([...times].sort((x, y) => y - x));
    });

    it('filters briefs by status and tone together', async () => {
      const accountId = randomUUID();
      const match = brief({ accountId, status: 'approved', tone: 'formal' });
      await repository.briefs.insert(TENANT, match);
      await repository.briefs.insert(TENANT, brief({ accountId, status: 'approved', tone: 'playful' }));
      await repository.briefs.insert(TENANT, brief({ accountId, status: 'draft', tone: 'formal' }));
      const page = await repository.briefs.list(TENANT, {
        filter: { accountId, status: 'approved', tone: 'formal' },
        limit: 10,
      });
      expect(page.items.map((b) => b.id)).toEqual([match.id]);
    });

    it('filters assets by brief, kind, channel, language and status', async () => {
      const briefId = randomUUID();
      const wanted = asset(briefId, {
        kind: 'image',
        channel: 'tiktok',
        language: 'pt-BR',
        status: 'approved',
      });
      await repository.assets.insert(TENANT, wanted);
      await repository.assets.insert(
        TENANT,
        asset(briefId, { kind: 'image', channel: 'tiktok', language: 'es-CR' }),
      );
      await repository.assets.insert(
        TENANT,
        asset(briefId, { kind: 'video', channel: 'tiktok', language: 'pt-BR' }),
      );
      await repository.assets.insert(
        TENANT,
        asset(randomUUID(), { kind: 'image', channel: 'tiktok', language: 'pt-BR' }),
      );

      const filtered = await repository.assets.list(TENANT, {
        filter: { briefId, kind: 'image', channel: 'tiktok', language: 'pt-BR', status: 'approved' },
        limit: 10,
      });
      expect(filtered.items.map((a) => a.id)).toEqual([wanted.id]);
      const byBrief = await repository.assets.list(TENANT, { filter: { briefId }, limit: 10 });
      expect(byBrief.items).toHaveLength(3);
    });

    it('filters packages by a channel or language they contain', async () => {
      const briefId = randomUUID();
      const channels: Channel[][] = [['instagram', 'tiktok'], ['email'], ['tiktok']];
      const stored = channels.map((list, index) =>
        campaignPackage(briefId, {
          channels: list,
          languages: index === 1 ? ['en-US'] : ['es-CR'],
          createdAt: at(index),
        }),
      );
      for (const p of stored) await repository.packages.insert(TENANT, p);

      const tiktok = await repository.packages.list(TENANT, {
        filter: { briefId, channel: 'tiktok' },
        limit: 10,
      });
      expect(tiktok.items.map((p) => p.id)).toEqual([stored[2]!.id, stored[0]!.id]);
      const english = await repository.packages.list(TENANT, {
        filter: { briefId, language: 'en-US' },
        limit: 10,
      });
      expect(english.items.map((p) => p.id)).toEqual([stored[1]!.id]);
      expect(await repository.packages.findById(TENANT, stored[0]!.id)).toEqual(stored[0]);
    });

    it("finds, lists and replaces nothing of another tenant's, even by id", async () => {
      const accountId = randomUUID();
      const mine = brief({ accountId });
      await repository.briefs.insert(TENANT, mine);
      const a = asset(mine.id);
      await repository.assets.insert(TENANT, a);
      const p = campaignPackage(mine.id, { assetIds: [a.id] });
      await repository.packages.insert(TENANT, p);

      expect(await repository.briefs.findById(OTHER, mine.id)).toBeNull();
      expect(await repository.assets.findByIds(OTHER, [a.id])).toEqual([]);
      expect(await repository.packages.findById(OTHER, p.id)).toBeNull();
      expect((await repository.briefs.list(OTHER, { filter: { accountId }, limit: 10 })).items).toEqual([]);
      expect(
        (await repository.assets.list(OTHER, { filter: { briefId: mine.id }, limit: 10 })).items,
      ).toEqual([]);
      expect(
        (await repository.packages.list(OTHER, { filter: { briefId: mine.id }, limit: 10 })).items,
      ).toEqual([]);

      const hijacked = { ...mine, name: 'Hijacked', version: 2 };
      expect(await repository.briefs.replace(OTHER, hijacked, 1)).toBe(false);
      expect(await repository.briefs.findById(TENANT, mine.id)).toEqual(mine);
    });

    it('keeps each tenant to its own documents in an unfiltered list', async () => {
      const newest = at(20_000_000);
      const mine = brief({ createdAt: newest });
      const theirs = brief({ createdAt: newest });
      await repository.briefs.insert(TENANT, mine);
      await repository.briefs.insert(OTHER, theirs);
      const ids = async (tenant: string) =>
        (await repository.briefs.list(tenant, { filter: {}, limit: 100 })).items.map((b) => b.id);
      expect(await ids(TENANT)).toContain(mine.id);
      expect(await ids(TENANT)).not.toContain(theirs.id);
      expect(await ids(OTHER)).toEqual([theirs.id]);
    });
  });
}
