import type { AssetFilter, BriefFilter, PackageFilter, Page } from '../application/ports.js';

/** What every stored aggregate has, in either store: its id and the timestamps lists sort by. */
export interface Stored {
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A page from up to `limit + 1` documents fetched in list order: the extra one only says more exist. */
export function pageOf<D, T>(documents: D[], limit: number, toItem: (document: D) => T): Page<T> {
  return { items: documents.slice(0, limit).map(toItem), hasMore: documents.length > limit };
}

/** How a filter field matches a document: equality on a scalar field, or membership in an array field. */
export type FieldMatch = { field: string; array: boolean };

export interface CollectionSpec<F> {
  name: 'briefs' | 'assets' | 'packages';
  filters: Record<keyof F & string, FieldMatch>;
}

const scalar = (field: string): FieldMatch => ({ field, array: false });
const member = (field: string): FieldMatch => ({ field, array: true });

export const BRIEFS: CollectionSpec<BriefFilter> = {
  name: 'briefs',
  filters: { status: scalar('status'), tone: scalar('tone'), accountId: scalar('accountId') },
};

export const ASSETS: CollectionSpec<AssetFilter> = {
  name: 'assets',
  filters: {
    briefId: scalar('briefId'),
    kind: scalar('kind'),
    channel: scalar('channel'),
    language: scalar('language'),
    status: scalar('status'),
  },
};

export const PACKAGES: CollectionSpec<PackageFilter> = {
  name: 'packages',
  filters: { briefId: scalar('briefId'), channel: member('channels'), language: member('languages') },
};

/** The filter entries that are set, each with how it matches. */
export function activeFilters<F extends object>(
  spec: CollectionSpec<F>,
  filter: F,
): { match: FieldMatch; value: unknown }[] {
  return Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const match = spec.filters[key as keyof F & string];
      if (!match) throw new Error(`${spec.name} cannot be filtered by ${key}`);
      return { match, value };
    });
}
