import type { CursorPosition } from '../application/pagination.js';

/**
 * Builds the WHERE clause of a keyset-paginated list: equality filters on whitelisted columns plus
 * the "after this row" condition. Column names come only from the caller's fixed map; every value
 * is a bind parameter.
 */
export function listWhere(
  columns: Record<string, string>,
  filter: object,
  after: CursorPosition | undefined,
): { clause: string; values: unknown[] } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  for (const [field, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    const column = columns[field];
    if (!column) throw new Error(`no column mapped for filter ${field}`);
    values.push(value);
    conditions.push(`${column} = $${values.length}`);
  }
  if (after) {
    values.push(after.at, after.key);
    conditions.push(`(created_at, id) < ($${values.length - 1}, $${values.length})`);
  }
  return { clause: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', values };
}

export function pageByCreation(
  limitPlusOne: number,
  values: unknown[],
): { clause: string; values: unknown[] } {
  const all = [...values, limitPlusOne];
  return { clause: `ORDER BY created_at DESC, id DESC LIMIT $${all.length}`, values: all };
}

interface PgError {
  code?: string;
  constraint?: string;
}

export function pgErrorOf(error: unknown): PgError {
  return typeof error === 'object' && error !== null ? (error as PgError) : {};
}

export const FOREIGN_KEY_VIOLATION = '23503';
export const UNIQUE_VIOLATION = '23505';
