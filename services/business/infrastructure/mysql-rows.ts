import type { CursorPosition } from '../../kit/index.js';

export const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

export const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

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
