import type { Redis } from 'ioredis';

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

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const cacheKey = this.key(key);
    try {
      const hit = await this.redis.get(cacheKey);
      if (hit !== null) return JSON.parse(hit) as T;
    } catch (error) {
      this.options.onError?.(error);
      return load();
    }
    const value = await load();
    try {
      await this.redis.set(cacheKey, JSON.stringify(value), 'EX', this.options.ttlSeconds);
    } catch (error) {
      this.options.onError?.(error);
    }
    return value;
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

  async get<T>(tenantId: string, key: string, load: () => Promise<T>): Promise<T> {
    const hash = this.hash(tenantId);
    try {
      const hit = await this.redis.hget(hash, key);
      if (hit !== null) return JSON.parse(hit) as T;
    } catch (error) {
      this.options.onError?.(error);
      return load();
    }
    const value = await load();
    try {
      await this.redis
        .multi()
        .hset(hash, key, JSON.stringify(value))
        .expire(hash, this.options.ttlSeconds, 'NX')
        .exec();
    } catch (error) {
      this.options.onError?.(error);
    }
    return value;
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
