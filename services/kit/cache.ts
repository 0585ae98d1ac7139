import type { Redis } from 'ioredis';

/**
 * The read-through step both caches share: a hit is served, a miss is loaded and stored, and a
 * Redis failure on the read or the write falls back to the loader without failing the request.
 */
async function readThrough<T>(
  read: () => Promise<string | null>,
  write: (value: string) => Promise<unknown>,
  load: () => Promise<T>,
  onError: ((error: unknown) => void) | undefined,
): Promise<T> {
  try {
    const hit = await read();
    if (hit !== null) return JSON.parse(hit) as T;
  } catch (error) {
    onError?.(error);
    return load();
  }
  const value = await load();
  try {
    await write(JSON.stringify(value));
  } catch (error) {
    onError?.(error);
  }
  return value;
}

/**
 * Read-through cache over Redis with a TTL. Redis is an optimisation here, never a dependency of
 * correctness: when it is unreachable, reads go to the loader and invalidations are best effort
 * (the TTL bounds how stale an entry missed during an outage can get).
 */
export class ReadThroughCache {
  constructor(
    private readonly redis: Redis,
    private readonly options: { namespace: string; ttlSeconds: number; onError?: (error: unknown) => void },
  ) {}

  private key(key: string): string {
    return `cache:${this.options.namespace}:${key}`;
  }

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const cacheKey = this.key(key);
    return readThrough(
      () => this.redis.get(cacheKey),
      (value) => this.redis.set(cacheKey, value, 'EX', this.options.ttlSeconds),
      load,
      this.options.onError,
    );
  }

  async invalidate(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.redis.del(...keys.map((key) => this.key(key)));
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}

/**
 * A read-through cache whose entries belong to a tenant: each tenant's entries live in one Redis
 * hash that expires `ttlSeconds` after its first entry, so no entry is older than the TTL and
 * `clearTenant` drops all of a tenant's entries with one command. Keys never cross tenants.
 */
export class TenantCache {
  constructor(
    private readonly redis: Redis,
    private readonly options: { namespace: string; ttlSeconds: number; onError?: (error: unknown) => void },
  ) {}

  private hash(tenantId: string): string {
    return `cache:${this.options.namespace}:tenant:${tenantId}`;
  }

  get<T>(tenantId: string, key: string, load: () => Promise<T>): Promise<T> {
    const hash = this.hash(tenantId);
    return readThrough(
      () => this.redis.hget(hash, key),
      (value) => this.redis.multi().hset(hash, key, value).expire(hash, this.options.ttlSeconds, 'NX').exec(),
      load,
      this.options.onError,
    );
  }

  /** Drops every cached answer of the tenant at once (e.g. when its subscription ends). */
  async clearTenant(tenantId: string): Promise<void> {
    try {
      await this.redis.del(this.hash(tenantId));
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
