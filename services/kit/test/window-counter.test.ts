import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisPrefix, TEST_REDIS_URL, uniqueRedisPrefix } from '../../test-support/index.js';
import { WindowCounter, type WindowCounterOptions } from '../window-counter.js';

const prefix = uniqueRedisPrefix('window-counter');
const clients: Redis[] = [];

/** A process's own Redis connection, as each pod's process has. */
async function connected(): Promise<Redis> {
  const redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix, enableOfflineQueue: false });
  clients.push(redis);
  await new Promise((ready) => redis.once('ready', ready));
  return redis;
}

const HOUR = 3_600_000;
const options = (overrides: Partial<WindowCounterOptions> = {}): WindowCounterOptions => ({
  max: 10,
  windowMs: HOUR,
  syncIntervalMs: 20,
  namespace: `ns-${Math.random().toString(36).slice(2)}:`,
  ...overrides,
});

/** Hits `key` until the count passes `max`; how many were within it. */
function admitted(counter: WindowCounter, key: string, attempts: number, max: number, now: number): number {
  let within = 0;
  for (let i = 0; i < attempts; i++) if (counter.hit(key, now)!.count <= max) within++;
  return within;
}

beforeAll(async () => {
  await connected();
});

afterAll(async () => {
  for (const redis of clients) redis.disconnect();
  await deleteRedisPrefix(prefix);
});

describe('WindowCounter on a real Redis', () => {
  it('counts exactly in one process, per key and per window', async () => {
    const counter = new WindowCounter(clients[0]!, options());
    const now = Date.now();
    expect([1, 2, 3].map(() => counter.hit('tenant:a', now)!.count)).toEqual([1, 2, 3]);
    expect(counter.hit('tenant:b', now)!.count).toBe(1);
    const next = (Math.floor(now / HOUR) + 1) * HOUR;
    expect(counter.hit('tenant:a', next)).toMatchObject({ count: 1, resetMs: HOUR });
  });

  it('adds every process’s requests in Redis, so the limit holds across processes once they sync', async () => {
    const shared = options();
    const [first, second] = [
      new WindowCounter(await connected(), shared),
      new WindowCounter(await connected(), shared),
    ];
    const now = Date.now();
    expect(admitted(first, 'tenant:a', 6, shared.max, now)).toBe(6);
    await first.flush();
    // The second process learns the first one's 6 at its first sync: until then it counts its own.
    expect(second.hit('tenant:a', now)!.count).toBe(1);
    await second.flush();
    expect(second.hit('tenant:a', now)!.count).toBe(8);
    expect(admitted(second, 'tenant:a', 5, shared.max, now)).toBe(2);
    await second.flush();
    await first.flush();
    // The Redis counter holds every request either process counted.
    const redisKey = `${shared.namespace}tenant:a:${Math.floor(now / HOUR)}`;
    expect(Number(await clients[0]!.get(redisKey))).toBe(13);
    expect(await clients[0]!.pttl(redisKey)).toBeGreaterThan(HOUR - 60_000);
    // A process learns the others' counts when it next sends its own: the first one's next request
    // still counts from the 6 it last saw, the one after from the total.
    expect(first.hit('tenant:a', now)!.count).toBe(7);
    await first.flush();
    expect(first.hit('tenant:a', now)!.count).toBe(15);
  });

  it('overshoots a shared limit by no more than the other processes admit between two of their syncs', async () => {
    const shared = options({ max: 50 });
    const processes = await Promise.all(
      [1, 2, 3].map(async () => new WindowCounter(await connected(), shared)),
    );
    const now = Date.now();
    let total = 0;
    // Each sync interval, every process takes 5 requests and then syncs, one after another, well past the limit.
    for (let interval = 0; interval < 12; interval++) {
      for (const counter of processes) {
        total += admitted(counter, 'tenant:busy', 5, shared.max, now);
        await counter.flush();
      }
    }
    expect(total).toBeGreaterThanOrEqual(shared.max);
    // A process misses at most what the 2 others took since its own last sync: 5 each.
    expect(total).toBeLessThanOrEqual(shared.max + 2 * 5);
  });

  it('counts nothing while Redis is unreachable (the limits fail open) and resumes when it is back', async () => {
    const redis = await connected();
    const counter = new WindowCounter(redis, options({ max: 1 }));
    redis.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(counter.hit('tenant:a')).toBeUndefined();
    redis.connect().catch(() => undefined);
    await new Promise((ready) => redis.once('ready', ready));
    expect(counter.hit('tenant:a')!.count).toBe(1);
  });
});
