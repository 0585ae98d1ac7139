import type pg from 'pg';
import { inTenantPgTransaction, PG_TEXT, readInTenantPg, toPage as toKitPage } from '../../kit/index.js';
import type { CursorPosition, Page } from '../application/pagination.js';
import type { ListQuery } from '../application/ports.js';

/**
 * Builds the WHERE clause of a keyset-paginated list: the tenant ($1), equality filters on
 * whitelisted columns plus the "after this row" condition. Column names come only from the
 * caller's fixed map; every value is a bind parameter.
 */
export function listWhere(
  columns: Record<string, string>,
  tenantId: string,
  filter: object,
  after: CursorPosition | undefined,
): { clause: string; values: unknown[] } {
  const conditions = ['tenant_id = $1'];
  const values: unknown[] = [tenantId];
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
  return { clause: `WHERE ${conditions.join(' AND ')}`, values };
}

export function pageByCreation(
  limitPlusOne: number,
  values: unknown[],
): { clause: string; values: unknown[] } {
  const all = [...values, limitPlusOne];
  return { clause: `ORDER BY created_at DESC, id DESC LIMIT $${all.length}`, values: all };
}

/** Runs one statement under `tenantId` (row-level security sees only that tenant's rows). */
export async function tenantRows<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  tenantId: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  return inTenantPgTransaction(pool, tenantId, async (client) => (await client.query<R>(text, values)).rows);
}

/**
 * Runs one read under `tenantId`, its transaction's statements in one round trip (`readInTenantPg`);
 * with `types: PG_TEXT` every column comes as the text PostgreSQL sends.
 */
export async function tenantRead<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  tenantId: string,
  text: string,
  values: unknown[],
  types?: typeof PG_TEXT,
): Promise<R[]> {
  return (await readInTenantPg<R>(pool, tenantId, { text, values, ...(types ? { types } : {}) })).rows;
}

/**
 * A table whose rows map to entities, read by id and listed newest first. Rows are read as text
 * (`PG_TEXT`): `toEntity` turns each column into what the entity holds (the timestamps with
 * `isoFromPgTimestamp`).
 */
export interface EntityTable<Row, Entity> {
  table: string;
  filterColumns: Record<string, string>;
  toEntity: (row: Row) => Entity;
}

export async function findInTenant<Row extends pg.QueryResultRow, Entity>(
  pool: pg.Pool,
  spec: EntityTable<Row, Entity>,
  tenantId: string,
  id: string,
): Promise<Entity | null> {
  const [row] = await tenantRead<Row>(
    pool,
    tenantId,
    `SELECT * FROM ${spec.table} WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
    PG_TEXT,
  );
  return row ? spec.toEntity(row) : null;
}

export async function listInTenant<
  Row extends pg.QueryResultRow,
  Entity extends { id: string; createdAt: string },
>(
  pool: pg.Pool,
  spec: EntityTable<Row, Entity>,
  tenantId: string,
  query: ListQuery<object>,
): Promise<Page<Entity>> {
  const where = listWhere(spec.filterColumns, tenantId, query.filter, query.after);
  const page = pageByCreation(query.limit + 1, where.values);
  const rows = await tenantRead<Row>(
    pool,
    tenantId,
    `SELECT * FROM ${spec.table} ${where.clause} ${page.clause}`,
    page.values,
    PG_TEXT,
  );
  // `createdAt` is already the ISO 8601 text a cursor carries.
  return toKitPage(rows.map(spec.toEntity), query.limit, (e) => ({ sortKey: e.createdAt, id: e.id }));
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
