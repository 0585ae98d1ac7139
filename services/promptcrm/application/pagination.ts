import { badRequest, decodeCursor, type Page, toPage as toKitPage } from '../../kit/index.js';

/**
 * Keyset pagination on top of the kit's cursor envelope: a cursor names the last row of the
 * previous page by its sort timestamp and a tie-breaking key, so pages stay stable while rows are
 * inserted and every page is one index range scan, however deep.
 */
export type { Page };

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface CursorPosition {
  at: Date;
  key: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Row keys are uuids unless a list says otherwise; checking them keeps forged cursors out of SQL. */
export const isUuidKey = (key: string): boolean => UUID.test(key);
export const isSequenceKey = (key: string): boolean => /^[1-9][0-9]{0,17}$/.test(key);

const invalidCursor = () =>
  badRequest('cursor is not a value returned by a previous page', {
    errors: [{ in: 'querystring', field: '/cursor', message: 'is not a valid cursor' }],
  });

export function decodeOptionalCursor(
  cursor: string | undefined,
  isKey: (key: string) => boolean = isUuidKey,
): CursorPosition | undefined {
  const position = decodeCursor(cursor);
  if (!position) return undefined;
  const at = new Date(position.sortKey);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== position.sortKey || !isKey(position.id)) {
    throw invalidCursor();
  }
  return { at, key: position.id };
}

/** Given up to limit + 1 rows in page order, keeps `limit` and derives the next cursor from the last. */
export function toPage<T>(rows: T[], limit: number, positionOf: (item: T) => CursorPosition): Page<T> {
  return toKitPage(rows, limit, (row) => {
    const { at, key } = positionOf(row);
    return { sortKey: at.toISOString(), id: key };
  });
}
