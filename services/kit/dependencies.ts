import { Redis } from 'ioredis';
import { createPool, type Pool as MysqlPool } from 'mysql2/promise';
import pg from 'pg';
import { type DatabaseAuthConfig, iamRegion, iamTokenProvider } from './database-auth.js';

const { Pool: PgPool } = pg;

/**
 * The pool's connection settings. With IAM auth the URL's fields are given one by one, since a
 * connection string's (empty) password would override the token provider; TLS is always verified.
 */
function pgConnection(connectionString: string, auth?: DatabaseAuthConfig): pg.PoolConfig {
  if (auth?.auth !== 'iam') return { connectionString };
  const url = new URL(connectionString);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    database: decodeURIComponent(url.pathname.slice(1)),
    user: decodeURIComponent(url.username),
    // Called for every new connection: each gets a fresh 15-minute token, so none is ever stale.
    password: iamTokenProvider(connectionString, iamRegion(auth)),
    ssl: { rejectUnauthorized: true },
  };
}

/** Something the service needs: checked by `/readyz`, closed on shutdown (after requests drain). */
export interface Dependency {
  name: string;
  check(): Promise<void>;
  close(): Promise<void>;
}

export function pgDependency(pool: pg.Pool, name = 'database'): Dependency {
  return {
    name,
    check: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

export function mysqlDependency(pool: MysqlPool, name = 'database'): Dependency {
  return {
    name,
    check: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

export function redisDependency(redis: Redis, name = 'redis'): Dependency {
  return {
    name,
    check: async () => {
      await redis.ping();
    },
    close: async () => {
      redis.disconnect();
    },
  };
}

/**
 * A Redis client that fails fast while Redis is away (no offline queue, one retry, short
 * timeouts) so callers can fall back instead of hanging; it keeps reconnecting in the background.
 */
export function createRedis(url: string, keyPrefix: string, onError: (error: Error) => void): Redis {
  const redis = new Redis(url, {
    keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let lastReport = 0;
  redis.on('error', (error: Error) => {
    const now = Date.now();
    if (now - lastReport > 10_000) {
      lastReport = now;
      onError(error);
    }
  });
  return redis;
}

/**
 * A PostgreSQL pool that reports (instead of crashing on) errors of idle connections the server
 * dropped. Its connections pipeline: statements issued together (`readInTenantPg`) go out at once
 * and come back in one round trip; statements awaited one by one behave as on any connection.
 */
export function createPgPool(
  connectionString: string,
  onError: (error: Error) => void,
  max = 10,
  auth?: DatabaseAuthConfig,
): pg.Pool {
  const pool = new PgPool({
    ...pgConnection(connectionString, auth),
    max,
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
    query_timeout: 10_000,
    pipeline: true,
  });
  pool.on('error', onError);
  return pool;
}

/** A MySQL/MariaDB pool; broken connections are discarded by the pool and replaced on demand. */
export function createMysqlPool(uri: string, connectionLimit = 10, auth?: DatabaseAuthConfig): MysqlPool {
  // RDS IAM auth sends the token as a cleartext password (over the TLS the URL requires); each new
  // connection signs a fresh one.
  const token = auth?.auth === 'iam' ? iamTokenProvider(uri, iamRegion(auth)) : undefined;
  return createPool({
    uri,
    ...(token ? { authPlugins: { mysql_clear_password: () => () => token() } } : {}),
    connectionLimit,
    connectTimeout: 2_000,
    enableKeepAlive: true,
    dateStrings: false,
    timezone: 'Z',
    supportBigNumbers: true,
    decimalNumbers: true,
  });
}
