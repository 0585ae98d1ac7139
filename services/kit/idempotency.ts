import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pool as MysqlPool, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type pg from 'pg';
import { badRequest, HttpProblem, problemType } from './problem.js';
import { tenantOf } from './tenancy.js';
import { inTenantPgTransaction } from './transactions.js';

/**
 * Idempotency keys: a client retrying a POST (after a timeout, a 503, a dropped connection) sends
 * the same `Idempotency-Key` and gets the first answer back instead of a second effect. Keys are
 * scoped by tenant and stored in the service's own database, next to the rows the request wrote:
 * for money a key must survive a cache flush or a Redis failover, which only the database promises.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/** A reservation older than this whose request never finished (the process died) may be taken over. */
export const STALE_RESERVATION_SECONDS = 300;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `required`: POSTs without `Idempotency-Key` answer 400; `optional`: the header is honoured when sent. */
    idempotency?: 'required' | 'optional';
  }
  interface FastifyRequest {
    idempotencyReservation?: { tenantId: string; key: string };
  }
}

export interface StoredOutcome {
  requestHash: string;
  state: 'pending' | 'done';
  status: number | null;
  contentType: string | null;
  body: string | null;
}

/** Where keys and outcomes are kept: the service's database (see `idempotencyTableStatements`). */
export interface IdempotencyStore {
  /** Claims the key for this request, or returns what is stored under it. */
  reserve(tenantId: string, key: string, requestHash: string): Promise<StoredOutcome | 'reserved'>;
  complete(
    tenantId: string,
    key: string,
    outcome: { status: number; contentType: string; body: string },
  ): Promise<void>;
  /** Forgets a reservation whose request failed without an answer worth repeating (5xx). */
  release(tenantId: string, key: string): Promise<void>;
}

/** The table the store needs; add these statements as one of the service's migrations. */
export function idempotencyTableStatements(dialect: 'postgres' | 'mysql'): string[] {
  if (dialect === 'mysql') {
    return [
      `CREATE TABLE IF NOT EXISTS idempotency_keys (
        tenant_id VARCHAR(63) NOT NULL,
        idem_key VARCHAR(255) NOT NULL,
        request_hash CHAR(64) NOT NULL,
        state VARCHAR(10) NOT NULL,
        response_status SMALLINT NULL,
        response_type VARCHAR(100) NULL,
        response_body MEDIUMTEXT NULL,
        created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (tenant_id, idem_key)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    ];
  }
  return [
    `CREATE TABLE IF NOT EXISTS idempotency_keys (
      tenant_id text NOT NULL,
      idem_key text NOT NULL,
      request_hash text NOT NULL,
      state text NOT NULL CHECK (state IN ('pending', 'done')),
      response_status integer,
      response_type text,
      response_body text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, idem_key))`,
    ...rowLevelSecurityStatements('idempotency_keys'),
  ];
}

/**
 * Row-level security on a tenant table: only rows of the transaction's `app.tenant_id` are
 * visible or writable, for the owner too (FORCE); with no tenant set, no row at all.
 */
export function rowLevelSecurityStatements(table: string): string[] {
  const own = `tenant_id = current_setting('app.tenant_id', true)`;
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `DROP POLICY IF EXISTS ${table}_tenant_isolation ON ${table}`,
    `CREATE POLICY ${table}_tenant_isolation ON ${table} USING (${own}) WITH CHECK (${own})`,
  ];
}

interface OutcomeRow {
  request_hash: string;
  state: 'pending' | 'done';
  response_status: number | null;
  response_type: string | null;
  response_body: string | null;
}

const toOutcome = (row: OutcomeRow): StoredOutcome => ({
  requestHash: row.request_hash,
  state: row.state,
  status: row.response_status,
  contentType: row.response_type,
  body: row.response_body,
});

export function pgIdempotencyStore(pool: pg.Pool): IdempotencyStore {
  return {
    reserve: (tenantId, key, requestHash) =>
      inTenantPgTransaction(pool, tenantId, async (client) => {
        const claimed = await client.query(
          `INSERT INTO idempotency_keys (tenant_id, idem_key, request_hash, state) VALUES ($1, $2, $3, 'pending')
           ON CONFLICT (tenant_id, idem_key) DO UPDATE SET created_at = now()
             WHERE idempotency_keys.state = 'pending' AND idempotency_keys.request_hash = excluded.request_hash
               AND idempotency_keys.created_at < now() - make_interval(secs => $4)
           RETURNING 1`,
          [tenantId, key, requestHash, STALE_RESERVATION_SECONDS],
        );
        if (claimed.rowCount === 1) return 'reserved' as const;
        const { rows } = await client.query<OutcomeRow>(
          'SELECT request_hash, state, response_status, response_type, response_body FROM idempotency_keys WHERE tenant_id = $1 AND idem_key = $2',
          [tenantId, key],
        );
        return toOutcome(rows[0]!);
      }),
    complete: (tenantId, key, outcome) =>
      inTenantPgTransaction(pool, tenantId, async (client) => {
        await client.query(
          `UPDATE idempotency_keys SET state = 'done', response_status = $3, response_type = $4, response_body = $5
           WHERE tenant_id = $1 AND idem_key = $2`,
          [tenantId, key, outcome.status, outcome.contentType, outcome.body],
        );
      }),
    release: (tenantId, key) =>
      inTenantPgTransaction(pool, tenantId, async (client) => {
        await client.query(
          `DELETE FROM idempotency_keys WHERE tenant_id = $1 AND idem_key = $2 AND state = 'pending'`,
          [tenantId, key],
        );
      }),
  };
}

export function mysqlIdempotencyStore(pool: MysqlPool): IdempotencyStore {
  return {
    async reserve(tenantId, key, requestHash) {
      const [inserted] = await pool.execute<ResultSetHeader>(
        `INSERT IGNORE INTO idempotency_keys (tenant_id, idem_key, request_hash, state) VALUES (?, ?, ?, 'pending')`,
        [tenantId, key, requestHash],
      );
      if (inserted.affectedRows === 1) return 'reserved';
      const [takenOver] = await pool.execute<ResultSetHeader>(
        `UPDATE idempotency_keys SET created_at = CURRENT_TIMESTAMP(3)
         WHERE tenant_id = ? AND idem_key = ? AND state = 'pending' AND request_hash = ?
           AND created_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND`,
        [tenantId, key, requestHash, STALE_RESERVATION_SECONDS],
      );
      if (takenOver.affectedRows === 1) return 'reserved';
      const [rows] = await pool.execute<Array<OutcomeRow & RowDataPacket>>(
        'SELECT request_hash, state, response_status, response_type, response_body FROM idempotency_keys WHERE tenant_id = ? AND idem_key = ?',
        [tenantId, key],
      );
      return toOutcome(rows[0]!);
    },
    async complete(tenantId, key, outcome) {
      await pool.execute(
        `UPDATE idempotency_keys SET state = 'done', response_status = ?, response_type = ?, response_body = ?
         WHERE tenant_id = ? AND idem_key = ?`,
        [outcome.status, outcome.contentType, outcome.body, tenantId, key],
      );
    },
    async release(tenantId, key) {
      await pool.execute(
        `DELETE FROM idempotency_keys WHERE tenant_id = ? AND idem_key = ? AND state = 'pending'`,
        [tenantId, key],
      );
    },
  };
}

/** What makes two requests "the same": the route, its path parameters and its body. */
function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([request.method, request.routeOptions.url, request.params, request.body ?? null]))
    .digest('hex');
}

function keyOf(request: FastifyRequest, mode: 'required' | 'optional'): string | undefined {
  const header = request.headers[IDEMPOTENCY_HEADER];
  if (header === undefined) {
    if (mode === 'optional') return undefined;
    throw badRequest('Idempotency-Key header is required on this request', {
      errors: [{ in: 'headers', field: '/idempotency-key', message: 'is required' }],
    });
  }
  if (typeof header !== 'string' || !KEY_FORMAT.test(header)) {
    throw badRequest('Idempotency-Key must be 1 to 255 visible ASCII characters', {
      errors: [{ in: 'headers', field: '/idempotency-key', message: 'is not a valid key' }],
    });
  }
  return header;
}

/**
 * Installs the mechanism in an API scope: routes opt in with `config: { idempotency: ... }`.
 * A replay answers the stored status and body with `idempotent-replayed: true`; the same key with
 * another request is 422; a key whose first request is still running is 409 (retry shortly).
 * Answers of 500 and above are not stored, so a retry runs the request again.
 */
export function installIdempotency(api: FastifyInstance, store: IdempotencyStore): void {
  api.addHook('preHandler', async (request, reply) => {
    const mode = request.routeOptions.config.idempotency;
    if (!mode) return;
    const key = keyOf(request, mode);
    if (key === undefined) return;
    const tenantId = tenantOf(request);
    const hash = requestHash(request);
    const stored = await store.reserve(tenantId, key, hash);
    if (stored === 'reserved') {
      request.idempotencyReservation = { tenantId, key };
      return;
    }
    if (stored.requestHash !== hash) {
      throw new HttpProblem(422, 'Idempotency-Key was already used for a different request', {
        type: problemType('idempotency-key-reused'),
      });
    }
    if (stored.state === 'pending') {
      throw new HttpProblem(409, 'a request with this Idempotency-Key is still in progress; retry shortly', {
        type: problemType('idempotency-key-in-progress'),
        headers: { 'retry-after': '1' },
      });
    }
    reply
      .code(stored.status ?? 200)
      .header('idempotent-replayed', 'true')
      .type(stored.contentType ?? 'application/json; charset=utf-8');
    return reply.send(stored.body ?? '');
  });

  api.addHook('onSend', async (request, reply, payload) => {
    const reservation = request.idempotencyReservation;
    if (!reservation) return payload;
    request.idempotencyReservation = undefined;
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await store.release(reservation.tenantId, reservation.key);
      return payload;
    }
    await store.complete(reservation.tenantId, reservation.key, {
      status: reply.statusCode,
      contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      body: payload,
    });
    return payload;
  });
}
