import { type Page as ApiPage, badRequest, decodeCursor, encodeCursor } from '../../kit/index.js';
import type { After, Page } from './ports.js';

export type { ApiPage };

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Turns a client's cursor into a keyset position, rejecting anything this API did not issue. */
export function decodeAfter(cursor: string | undefined): After | undefined {
  const position = decodeCursor(cursor);
  if (!position) return undefined;
  const createdAt = new Date(position.sortKey);
  if (
    Number.isNaN(createdAt.getTime()) ||
    createdAt.toISOString() !== position.sortKey ||
    !UUID.test(position.id)
  ) {
    throw badRequest('cursor is not a value returned by a previous page', {
      errors: [{ in: 'querystring', field: '/cursor', message: 'is not a valid cursor' }],
    });
  }
  return { createdAt, id: position.id };
}

/** A store page as the API returns it: the items and the cursor of the next page, if any. */
export function toApiPage<T extends { id: string; createdAt: Date }>(page: Page<T>): ApiPage<T> {
  const last = page.items.at(-1);
  return {
    items: page.items,
    nextCursor:
      page.hasMore && last ? encodeCursor({ sortKey: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
