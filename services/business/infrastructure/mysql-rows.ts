import type { Pool, PoolConnection } from 'mysql2/promise';
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

/**
 * Runs `work` in a transaction on one pooled connection and commits it. If `work` throws, the
 * transaction is rolled back and the error rethrown; if it returns `false` (it found nothing to
 * change), the transaction is rolled back and `inTransaction` returns `false`.
 */
export async function inTransaction(
  pool: Pool,
  work: (connection: PoolConnection) => Promise<unknown>,
): Promise<boolean> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    if ((await work(connection)) === false) {
      await connection.rollback();
      return false;
    }
    await connection.commit();
    return true;
  } catch (error) {
    await connection.rollback().catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}
