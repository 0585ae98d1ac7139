import type { Redis } from 'ioredis';

export interface WindowCounterOptions {
  /** Requests one key may make per window, across every process that shares the Redis. */
  max: number;
  windowMs: number;
  /** How often a process adds its new counts to Redis and learns everyone else's. */
  syncIntervalMs: number;
  /** Redis key namespace: a key's window is `<namespace><key>:<window number>`. */
  namespace: string;
}

export interface WindowCount {
  /** Requests of this key in the current window as far as this process knows, this one included. */
  count: number;
  /** Milliseconds until the window turns over. */
  resetMs: number;
}

interface Entry {
  window: number;
  /** The key's count in Redis when this process last synchronised (its own requests sent so far included). */
  seen: number;
  /** This process's requests not yet added to Redis. */
  pending: number;
}

/**
 * Fixed-window request counts shared through Redis without a round trip per request: each process
 * counts locally and, every `syncIntervalMs` while it has new requests, adds them to the key's
 * Redis counter in one pipeline and reads back the total every process has added. A key's count
 * is the last total seen plus this process's requests since, so one process alone is exact, and
 * several processes together can overshoot the limit only by what the others admit within one
 * sync interval (docs/services.md, rate limiting). While Redis is unreachable nothing is counted:
 * the limits fail open, as a cache outage must not become an outage.
 */
export class WindowCounter {
  private readonly entries = new Map<string, Entry>();
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly options: WindowCounterOptions,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Counts one request of `key`; `undefined` when Redis is unreachable (not counted, let through). */
  hit(key: string, now = Date.now()): WindowCount | undefined {
    if (this.redis.status !== 'ready') return undefined;
    const { windowMs } = this.options;
    const window = Math.floor(now / windowMs);
    let entry = this.entries.get(key);
    if (entry === undefined || entry.window !== window) {
      entry = { window, seen: 0, pending: 0 };
      this.entries.set(key, entry);
    }
    entry.pending += 1;
    this.scheduleSync();
    return { count: entry.seen + entry.pending, resetMs: (window + 1) * windowMs - now };
  }

  /** Sends the pending counts now (and waits for any sync under way); for shutdown and tests. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.syncing;
    await this.sync();
  }

  private scheduleSync(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.syncing = this.sync().finally(() => {
        this.syncing = undefined;
      });
    }, this.options.syncIntervalMs);
    this.timer.unref();
  }

  private async sync(): Promise<void> {
    const { namespace, windowMs } = this.options;
    const current = Math.floor(Date.now() / windowMs);
    const sent: [string, Entry, number][] = [];
    const pipeline = this.redis.pipeline();
    for (const [key, entry] of this.entries) {
      if (entry.pending === 0) {
        if (entry.window < current) this.entries.delete(key);
        continue;
      }
      const redisKey = `${namespace}${key}:${entry.window}`;
      pipeline.incrby(redisKey, entry.pending).pexpire(redisKey, windowMs);
      sent.push([key, entry, entry.pending]);
    }
    if (sent.length === 0) return;
    try {
      const results = await pipeline.exec();
      sent.forEach(([key, entry, count], index) => {
        entry.pending -= count;
        const [error, total] = results?.[index * 2] ?? [new Error('no reply')];
        if (!error) entry.seen = Math.max(entry.seen, Number(total));
        if (entry.window < current && entry.pending === 0) this.entries.delete(key);
      });
    } catch (error) {
      // Redis went away: what was not added is forgotten (the limits fail open meanwhile).
      for (const [, entry, count] of sent) entry.pending -= count;
      this.onError(error);
    }
  }
}
