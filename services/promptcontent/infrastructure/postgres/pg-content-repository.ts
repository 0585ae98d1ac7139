import type pg from 'pg';
import {
  type IdempotencyStore,
  inTenantPgTransaction,
  migratePostgres,
  pgIdempotencyStore,
} from '../../../kit/index.js';
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
import { contentMigrations } from './migrations.js';

interface DocumentRow {
  doc: Record<string, unknown>;
}

function sqlLiteral(field: string): string {
  if (!/^[A-Za-z]+$/.test(field)) throw new Error(`unexpected document field name ${field}`);
  return `'${field}'`;
}

/** JSON has no date type: timestamps travel as ISO strings inside `doc` and are revived on read. */
function revive<T extends Stored>(row: DocumentRow): T {
  const { createdAt, updatedAt, ...rest } = row.doc;
  return { ...rest, createdAt: new Date(createdAt as string), updatedAt: new Date(updatedAt as string) } as T;
}

class PgDocumentStore<T extends Stored, F extends object> implements DocumentStore<T, F> {
  protected readonly table: string;

  constructor(
    protected readonly pool: pg.Pool,
    private readonly spec: CollectionSpec<F>,
  ) {
    this.table = `content_${spec.name}`;
  }

  /** One statement under `tenantId`: row-level security sees only that tenant's rows. */
  protected async run<R extends pg.QueryResultRow>(
    tenantId: string,
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    return inTenantPgTransaction(this.pool, tenantId, (client) => client.query<R>(text, values));
  }

  async insert(tenantId: string, document: T): Promise<void> {
    await this.run(
      tenantId,
      `INSERT INTO ${this.table} (tenant_id, id, created_at, doc) VALUES ($1, $2, $3, $4)`,
      [tenantId, document.id, document.createdAt, JSON.stringify(document)],
    );
  }

  async findById(tenantId: string, id: string): Promise<T | null> {
    const { rows } = await this.run<DocumentRow>(
      tenantId,
      `SELECT doc FROM ${this.table} WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return rows[0] ? revive<T>(rows[0]) : null;
  }

  async findByIds(tenantId: string, ids: string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.run<DocumentRow>(
      tenantId,
      `SELECT doc FROM ${this.table} WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, ids],
    );
    return rows.map((row) => revive<T>(row));
  }

  async list(tenantId: string, query: ListQuery<F>): Promise<Page<T>> {
    const conditions: string[] = ['tenant_id = $1'];
    const values: unknown[] = [tenantId];
    for (const { match, value } of activeFilters(this.spec, query.filter)) {
      values.push(value);
      // Field names come from the collection spec (never from a request) and are written as literals so
      // the planner can match the expression indexes; values are always bound.
      const field = sqlLiteral(match.field);
      const param = `$${values.length}`;
      // `?` is jsonb's "array contains this string" operator; node-pg only binds $n placeholders.
      conditions.push(match.array ? `doc->${field} ? ${param}` : `doc->>${field} = ${param}`);
    }
    if (query.after) {
      values.push(query.after.createdAt, query.after.id);
      conditions.push(`(created_at, id) < ($${values.length - 1}, $${values.length})`);
    }
    values.push(query.limit + 1);
    const { rows } = await this.run<DocumentRow>(
      tenantId,
      `SELECT doc FROM ${this.table} WHERE ${conditions.join(' AND ')}
       ORDER BY created_at DESC, id DESC LIMIT $${values.length}`,
      values,
    );
    return pageOf(rows, query.limit, (row) => revive<T>(row));
  }
}

class PgVersionedDocumentStore<T extends Stored & { version: number }, F extends object>
  extends PgDocumentStore<T, F>
  implements VersionedDocumentStore<T, F>
{
  async replace(tenantId: string, document: T, expectedVersion: number): Promise<boolean> {
    const result = await this.run(
      tenantId,
      `UPDATE ${this.table} SET doc = $3 WHERE tenant_id = $1 AND id = $2 AND (doc->>'version')::int = $4`,
      [tenantId, document.id, JSON.stringify(document), expectedVersion],
    );
    return result.rowCount === 1;
  }
}

export class PgContentRepository implements ContentRepository {
  readonly briefs: VersionedDocumentStore<CreativeBrief, BriefFilter>;
  readonly assets: VersionedDocumentStore<GeneratedAsset, AssetFilter>;
  readonly packages: DocumentStore<CampaignPackage, PackageFilter>;
  /** Idempotency-Key outcomes, kept in the same database as the documents the requests wrote. */
  readonly idempotency: IdempotencyStore;

  constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString: string,
  ) {
    this.briefs = new PgVersionedDocumentStore(pool, BRIEFS);
    this.assets = new PgVersionedDocumentStore(pool, ASSETS);
    this.packages = new PgDocumentStore(pool, PACKAGES);
    this.idempotency = pgIdempotencyStore(pool);
  }

  async migrate(): Promise<void> {
    await migratePostgres(this.connectionString, contentMigrations);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
