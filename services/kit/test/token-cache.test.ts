import { describe, expect, it } from 'vitest';
import { VerifiedTokenCache } from '../token-cache.js';

describe('VerifiedTokenCache', () => {
  const now = 1_800_000_000_000;
  const inSeconds = (seconds: number) => now / 1000 + seconds;

  it('keeps a verified token until it expires, and never past its exp', () => {
    const cache = new VerifiedTokenCache<string>(10, 60_000);
    cache.set('token-a', 'alice', inSeconds(30), now);
    expect(cache.get('token-a', now)).toBe('alice');
    expect(cache.get('token-a', now + 29_999)).toBe('alice');
    expect(cache.get('token-a', now + 30_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('checks a long-lived token again after the maximum age', () => {
    const cache = new VerifiedTokenCache<string>(10, 60_000);
    cache.set('token-a', 'alice', inSeconds(3_600), now);
    expect(cache.get('token-a', now + 59_999)).toBe('alice');
    expect(cache.get('token-a', now + 60_000)).toBeUndefined();
  });

  it('keeps nothing for a token already expired, and tells tokens apart', () => {
    const cache = new VerifiedTokenCache<string>(10, 60_000);
    cache.set('expired', 'x', inSeconds(-1), now);
    expect(cache.get('expired', now)).toBeUndefined();
    cache.set('token-a', 'alice', inSeconds(30), now);
    expect(cache.get('token-b', now)).toBeUndefined();
    expect(cache.get('token-a ', now)).toBeUndefined();
  });

  it('holds at most its size, forgetting the oldest first', () => {
    const cache = new VerifiedTokenCache<number>(3, 60_000);
    for (let i = 0; i < 5; i++) cache.set(`token-${i}`, i, inSeconds(30), now);
    expect(cache.size).toBe(3);
    expect([0, 1, 2, 3, 4].map((i) => cache.get(`token-${i}`, now))).toEqual([undefined, undefined, 2, 3, 4]);
  });
});
