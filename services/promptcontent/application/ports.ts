import type { AssetKind, AssetStatus, Channel, GeneratedAsset } from '../domain/asset.js';
import type { BriefStatus, CreativeBrief, Tone } from '../domain/brief.js';
import type { CampaignPackage } from '../domain/campaign-package.js';

/** Position after the last item of a page: newest first, ties broken by id. */
export interface After {
  createdAt: Date;
  id: string;
}

export interface ListQuery<F> {
  filter: F;
  limit: number;
  after?: After | undefined;
}

export interface Page<T> {
  items: T[];
  /** True when at least one more item follows the page. */
  hasMore: boolean;
}

export interface BriefFilter {
  status?: BriefStatus | undefined;
  tone?: Tone | undefined;
  accountId?: string | undefined;
}

export interface AssetFilter {
  briefId?: string | undefined;
  kind?: AssetKind | undefined;
  channel?: Channel | undefined;
  language?: string | undefined;
  status?: AssetStatus | undefined;
}

export interface PackageFilter {
  briefId?: string | undefined;
  channel?: Channel | undefined;
  language?: string | undefined;
}

/**
 * Every call acts within one tenant, named first: another tenant's documents are neither found,
 * listed nor replaced (to the caller they do not exist).
 */
export interface DocumentStore<T, F> {
  insert(tenantId: string, document: T): Promise<void>;
  findById(tenantId: string, id: string): Promise<T | null>;
  findByIds(tenantId: string, ids: string[]): Promise<T[]>;
  /** Newest first; every filter field narrows the result. */
  list(tenantId: string, query: ListQuery<F>): Promise<Page<T>>;
}

export interface VersionedDocumentStore<T extends { version: number }, F> extends DocumentStore<T, F> {
  /** Replaces the stored document only if its version is still `expectedVersion`; false when it moved on. */
  replace(tenantId: string, document: T, expectedVersion: number): Promise<boolean>;
}

/**
 * The PromptContent repository port. Adapters: MongoDB (production) and PostgreSQL JSONB (machines
 * without MongoDB); both pass the same contract suite.
 */
export interface ContentRepository {
  readonly briefs: VersionedDocumentStore<CreativeBrief, BriefFilter>;
  readonly assets: VersionedDocumentStore<GeneratedAsset, AssetFilter>;
  readonly packages: DocumentStore<CampaignPackage, PackageFilter>;
  /** Creates collections/tables and indexes; safe to run repeatedly. */
  migrate(): Promise<void>;
  /** Resolves when the store answers; used by readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
