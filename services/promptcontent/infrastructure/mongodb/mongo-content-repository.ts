import { type Collection, type Db, type Filter, type IndexSpecification, MongoClient } from 'mongodb';
import { DEFAULT_TENANT } from '../../../kit/index.js';
import type {
  AssetFilter,
  BriefFilter,
  ContentRepository,
  DocumentStore,
  ListQuery,
  PackageFilter,
  Page,
  VersionedDocumentStore,
} from '../../application/ports.js';
import type { GeneratedAsset } from '../../domain/asset.js';
import type { CreativeBrief } from '../../domain/brief.js';
import type { CampaignPackage } from '../../domain/campaign-package.js';
import {
  ASSETS,
  activeFilters,
  BRIEFS,
  type CollectionSpec,
  PACKAGES,
  pageOf,
  type Stored,
} from '../collections.js';
import { guarded } from './availability.js';
import { MongoIdempotencyStore } from './mongo-idempotency-store.js';

/**
 * Documents are stored with the entity id as `_id` and the tenant as `tenantId`; every other field
 * keeps its name and type. Every filter names the tenant, so no query reaches another tenant's
 * documents.
 */
type MongoDocument = { _id: string; tenantId: string; createdAt: Date } & Record<string, unknown>;

function toDocument(tenantId: string, entity: Stored): MongoDocument {
  const { id, ...rest } = entity;
  return { _id: id, tenantId, ...rest };
}

function fromDocument<T extends Stored>(document: MongoDocument): T {
  const { _id, tenantId: _tenant, ...rest } = document;
  return { id: _id, ...rest } as unknown as T;
}

const NEWEST_FIRST = { createdAt: -1, _id: -1 } as const;

/** An index behind a list query: the tenant, the list's filter fields, then the sort key. */
const inTenant = (fields: Record<string, 1> = {}): IndexSpecification => ({
  tenantId: 1,
  ...fields,
  ...NEWEST_FIRST,
});

const INDEXES: Record<CollectionSpec<object>['name'], IndexSpecification[]> = {
  briefs: [inTenant(), inTenant({ status: 1 }), inTenant({ tone: 1 }), inTenant({ accountId: 1 })],
  assets: [
    inTenant(),
    inTenant({ briefId: 1 }),
    inTenant({ status: 1 }),
    inTenant({ kind: 1 }),
    inTenant({ channel: 1, language: 1 }),
  ],
  packages: [inTenant(), inTenant({ briefId: 1 }), inTenant({ channels: 1 }), inTenant({ languages: 1 })],
};

class MongoDocumentStore<T extends Stored, F extends object> implements DocumentStore<T, F> {
  protected readonly collection: Collection<MongoDocument>;

  constructor(
    db: Db,
    private readonly spec: CollectionSpec<F>,
  ) {
    this.collection = db.collection<MongoDocument>(spec.name);
  }

  async insert(tenantId: string, document: T): Promise<void> {
    await guarded(() => this.collection.insertOne(toDocument(tenantId, document)));
  }

  async findById(tenantId: string, id: string): Promise<T | null> {
    const document = await guarded(() => this.collection.findOne({ _id: id, tenantId }));
    return document ? fromDocument<T>(document) : null;
  }

  async findByIds(tenantId: string, ids: string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    const documents = await guarded(() => this.collection.find({ _id: { $in: ids }, tenantId }).toArray());
    return documents.map((document) => fromDocument<T>(document));
  }

  async list(tenantId: string, query: ListQuery<F>): Promise<Page<T>> {
    const conditions: Filter<MongoDocument>[] = [{ tenantId: { $eq: tenantId } }];
    // A Mongo equality on an array field matches when the array contains the value, so scalar and
    // array fields are queried the same way; values are strings validated at the edge.
    for (const { match, value } of activeFilters(this.spec, query.filter)) {
      conditions.push({ [match.field]: { $eq: value } });
    }
    if (query.after) {
      const { createdAt, id } = query.after;
      conditions.push({ $or: [{ createdAt: { $lt: createdAt } }, { createdAt, _id: { $lt: id } }] });
    }
    const filter: Filter<MongoDocument> = { $and: conditions };
    const documents = await guarded(() =>
      this.collection
        .find(filter)
        .sort(NEWEST_FIRST)
        .limit(query.limit + 1)
        .toArray(),
    );
    return pageOf(documents, query.limit, (document) => fromDocument<T>(document));
  }

  /** Creates the list indexes and drops those from before tenancy (which do not start with the tenant). */
  async createIndexes(): Promise<void> {
    for (const index of INDEXES[this.spec.name]) await this.collection.createIndex(index);
    const existing = await this.collection.listIndexes().toArray();
    for (const index of existing) {
      const [first] = Object.keys(index.key as object);
      if (first !== '_id' && first !== 'tenantId') await this.collection.dropIndex(index.name as string);
    }
  }

  /** Puts documents written before tenancy under the default tenant (idempotent). */
  async assignDefaultTenant(): Promise<void> {
    await this.collection.updateMany(
      { tenantId: { $exists: false } },
      { $set: { tenantId: DEFAULT_TENANT } },
    );
  }
}

class MongoVersionedDocumentStore<T extends Stored & { version: number }, F extends object>
  extends MongoDocumentStore<T, F>
  implements VersionedDocumentStore<T, F>
{
  async replace(tenantId: string, document: T, expectedVersion: number): Promise<boolean> {
    const { _id, ...replacement } = toDocument(tenantId, document);
    const result = await guarded(() =>
      this.collection.replaceOne({ _id, tenantId, version: expectedVersion }, replacement),
    );
    return result.matchedCount === 1;
  }
}

export interface MongoContentOptions {
  url: string;
  /** Defaults to the database named in the URL. */
  database?: string | undefined;
  /** How long an operation waits for a reachable server before failing (keeps outages short and visible). */
  serverSelectionTimeoutMs?: number | undefined;
}

export class MongoContentRepository implements ContentRepository {
  readonly briefs: MongoVersionedDocumentStore<CreativeBrief, BriefFilter>;
  readonly assets: MongoVersionedDocumentStore<GeneratedAsset, AssetFilter>;
  readonly packages: MongoDocumentStore<CampaignPackage, PackageFilter>;
  /** Idempotency-Key outcomes, kept in the same database as the documents the requests wrote. */
  readonly idempotency: MongoIdempotencyStore;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {
    this.briefs = new MongoVersionedDocumentStore(db, BRIEFS);
    this.assets = new MongoVersionedDocumentStore(db, ASSETS);
    this.packages = new MongoDocumentStore(db, PACKAGES);
    this.idempotency = new MongoIdempotencyStore(db);
  }

  /** Creates the client without waiting for a server: the driver connects on first use and reconnects. */
  static create(options: MongoContentOptions): MongoContentRepository {
    const client = new MongoClient(options.url, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 3_000,
      appName: 'promptcontent',
    });
    return new MongoContentRepository(client, client.db(options.database));
  }

  async migrate(): Promise<void> {
    for (const store of [this.briefs, this.assets, this.packages]) {
      await store.assignDefaultTenant();
      await store.createIndexes();
    }
    await this.idempotency.createIndexes();
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  /** Drops the whole database: for tests that created a uniquely named one. */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
