import { badRequest } from './problem.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Query-string properties every paginated list accepts; spread them into the route's querystring schema. */
export const paginationQueryProperties = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
  cursor: { type: 'string', minLength: 1, maxLength: 512, pattern: '^[A-Za-z0-9_-]+$' },
} as const;

/** Wraps an item schema into the page envelope `{ items, nextCursor }`. */
export function pageSchema(itemSchema: object) {
  return {
    type: 'object',
    properties: {
      items: { type: 'array', items: itemSchema },
      nextCursor: { type: ['string', 'null'] },
    },
    required: ['items', 'nextCursor'],
  } as const;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset position after the last item of a page: the sort key and the id that breaks ties. */
export interface CursorPosition {
  sortKey: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sortKey, position.id])).toString('base64url');
}

/** A check one part of a cursor must pass (a RegExp is one). */
export interface CursorPartCheck {
  test(value: string): boolean;
}

const TIMESTAMP_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/**
 * A UTC timestamp as the services write them, and a real instant: it must survive a round trip
 * through `Date` unchanged (so `2026-02-31T25:00:00Z` or year 0000 never reach SQL).
 */
const timestampPart: CursorPartCheck = {
  test(value) {
    if (!TIMESTAMP_SHAPE.test(value) || value.startsWith('0000')) return false;
    const instant = new Date(value);
    if (Number.isNaN(instant.getTime())) return false;
    // Date keeps milliseconds: compare up to them, the rest of the fraction is digits only.
    return instant.toISOString().slice(0, 19) === value.slice(0, 19);
  },
};

/** Shapes a cursor's parts may be required to have, so a tampered cursor never reaches SQL as a bad value. */
export const CURSOR_PART = {
  timestamp: timestampPart,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  integer: /^\d{1,18}$/,
  any: /^[\s\S]{1,200}$/,
} as const;

/**
 * Decodes a cursor a client sent back; anything not produced by `encodeCursor` for this list is a
 * 400: it must encode back to the very same text (a round trip) and its parts must pass `shape`.
 */
export function decodeCursor(
  cursor: string | undefined,
  shape: { sortKey: CursorPartCheck; id: CursorPartCheck } = {
    sortKey: CURSOR_PART.any,
    id: CURSOR_PART.any,
  },
): CursorPosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [sortKey, id] = value as unknown[];
      if (
        typeof sortKey === 'string' &&
        typeof id === 'string' &&
        shape.sortKey.test(sortKey) &&
        shape.id.test(id) &&
        encodeCursor({ sortKey, id }) === cursor
      ) {
        return { sortKey, id };
      }
    }
  } catch {
    // fall through to the problem below
  }
  throw badRequest('cursor is not a value returned by a previous page', {
    errors: [{ in: 'querystring', field: '/cursor', message: 'is not a valid cursor' }],
  });
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only says whether a next page exists.
 */
export function toPage<T>(rows: T[], limit: number, position: (row: T) => CursorPosition): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null };
}
