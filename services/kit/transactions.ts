import type { PoolConnection as MysqlConnection, Pool as MysqlPool } from 'mysql2/promise';
import type pg from 'pg';
import { isConnectionError } from './connection-errors.js';
import { DependencyUnavailableError } from './problem.js';

/** Binds the transaction to a tenant: `app.tenant_id`, which row-level security reads, for this transaction only. */
const SET_TENANT = "SELECT set_config('app.tenant_id', $1, true)";

/** How often a transaction that lost a deadlock or a serialization conflict is run again. */
export const TRANSACTION_ATTEMPTS = 3;

/** PostgreSQL serialization_failure and deadlock_detected; MySQL deadlock and lock-wait timeout. */
const CONFLICT_CODES = new Set(['40001', '40P01', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** True when the database gave up on the transaction because of concurrent ones: running it again may succeed. */
export function isTransientConflict(error: unknown): boolean {
  return CONFLICT_CODES.has(String((error as { code?: unknown })?.code));
}

/**
 * Runs `attempt` up to TRANSACTION_ATTEMPTS times while it loses to concurrent transactions; if it
 * still does, the caller gets a 503 with retry-after rather than a 500.
 */
async function retryingConflicts<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransientConflict(error)) throw error;
      if (tries >= TRANSACTION_ATTEMPTS) {
        throw new DependencyUnavailableError(
          'database',
          'the database is busy with conflicting writes',
          error,
        );
      }
    }
  }
}

/**
 * Runs `work` on one pooled client. While the client is checked out it listens for 'error': a
 * backend terminated between two queries emits one, and with no listener Node would exit. When
 * `work` fails, a transaction it left open is rolled back; a client whose connection failed is
 * destroyed instead of going back to the pool.
 */
async function onPooledClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return await work(client);
  } catch (error) {
    if (isConnectionError(error)) broken ??= error as Error;
    if (!broken) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** Runs `work` in a PostgreSQL transaction on one pooled client (`onPooledClient`). */
export function inPgTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return retryingConflicts(() =>
    onPooledClient(pool, async (client) => {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    }),
  );
}

/**
 * Runs `work` in a MySQL transaction on one pooled connection and commits it. If `work` returns
 * `false` (it found nothing to change) the transaction is rolled back and `false` returned.
 */
export function inMysqlTransaction(
  pool: MysqlPool,
  work: (connection: MysqlConnection) => Promise<unknown>,
): Promise<boolean> {
  return retryingConflicts(async () => {
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
  });
}

/**
 * Runs `work` in a PostgreSQL transaction bound to one tenant: `app.tenant_id` is set for this
 * transaction only (`set_config(..., true)`), so row-level security policies of the form
 * `tenant_id = current_setting('app.tenant_id', true)` show and accept that tenant's rows alone,
 * and the setting cannot leak to the next user of the pooled connection.
 */
export function inTenantPgTransaction<T>(
  pool: pg.Pool,
  tenantId: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return inPgTransaction(pool, async (client) => {
    await client.query(SET_TENANT, [tenantId]);
    return work(client);
  });
}

/**
 * One read bound to a tenant, as `inTenantPgTransaction` would run it (BEGIN, `app.tenant_id` for
 * this transaction only, the query, COMMIT), with the four statements written at once: on a
 * pipelining pool (`createPgPool`) they cost one round trip to the database instead of four.
 */
export function readInTenantPg<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  tenantId: string,
  query: pg.QueryConfig,
): Promise<pg.QueryResult<R>> {
  return onPooledClient(pool, async (client) => {
    const [begin, tenant, read, commit] = await Promise.allSettled([
      client.query('BEGIN'),
      client.query(SET_TENANT, [tenantId]),
      client.query<R>(query),
      client.query('COMMIT'),
    ]);
    // A failed statement turns the COMMIT into a rollback, so no transaction is left open.
    const failed = [begin, tenant, read, commit].find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    return (read as PromiseFulfilledResult<pg.QueryResult<R>>).value;
  });
}
