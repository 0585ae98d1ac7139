import type { CursorPosition } from '../../kit/index.js';

export const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

export const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/**
 * A `DATETIME` read as the text MySQL sends (`dateStrings: true` on a query), as the services answer
 * it: ISO 8601 UTC with milliseconds. The pools write and read datetimes in UTC (`timezone: 'Z'` in
 * `createMysqlPool`) and `DATETIME` keeps no zone, so `2026-11-29 07:55:42.033` is that instant in UTC
 * whatever the session's time zone. Digits beyond the millisecond are cut, as mysql2's `Date` cuts
 * them; a year before 1000 or a zero month or day (outside `DATETIME`'s range) takes the road
 * through `Date`, which fails on the zero ones as mysql2's reading would.
 */
export function isoFromMysqlDatetime(text: string): string {
  if (
    text.length >= 19 &&
    text.length <= 26 &&
    text.charCodeAt(10) === 32 &&
    text.charCodeAt(0) !== 48 &&
    !text.startsWith('00', 5) &&
    !text.startsWith('00', 8)
  ) {
    const millis = text.length > 20 ? text.slice(20, 23).padEnd(3, '0') : '000';
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${millis}Z`;
  }
  return new Date(`${text.replace(' ', 'T')}Z`).toISOString();
}

/** `WHERE` fragments and their parameters, built from optional equality filters and a keyset cursor. */
export function whereClause(
  equals: Record<string, string | number | boolean | undefined>,
  after: CursorPosition | undefined,
  sortColumn = 'created_at',
): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const [column, value] of Object.entries(equals)) {
    if (value === undefined) continue;
    conditions.push(`${column} = ?`);
    params.push(value);
  }
  if (after) {
    const sortValue = sortColumn === 'created_at' ? new Date(after.sortKey) : after.sortKey;
    conditions.push(`(${sortColumn} < ? OR (${sortColumn} = ? AND id < ?))`);
    params.push(sortValue, sortValue, after.id);
  }
  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: string }).code === 'ER_DUP_ENTRY';
}
