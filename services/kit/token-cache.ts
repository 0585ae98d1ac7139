import { createHash } from 'node:crypto';

/** Tokens remembered at most; the oldest is forgotten first. */
export const TOKEN_CACHE_ENTRIES = 10_000;
/** How long a verified token is trusted without checking its signature again, at most. */
export const TOKEN_CACHE_MAX_AGE_MS = 60_000;

interface Entry<T> {
  value: T;
  expiresAtMs: number;
}

/**
 * What verifying a bearer token found, kept under the SHA-256 of the token (the token itself is
 * never held) until the token expires, and never longer than `maxAgeMs`: a signing key the issuer
 * withdraws stops working within that time, as with the key set's own caching. Only tokens that
 * passed every check are kept; a bad token is checked (and refused) every time.
 */
export class VerifiedTokenCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly maxEntries = TOKEN_CACHE_ENTRIES,
    private readonly maxAgeMs = TOKEN_CACHE_MAX_AGE_MS,
  ) {}

  private static keyOf(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }

  get(token: string, now = Date.now()): T | undefined {
    const key = VerifiedTokenCache.keyOf(token);
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (now < entry.expiresAtMs) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps `value` until `expiresAtSeconds` (the token's `exp`) or `maxAgeMs` from now, whichever is first. */
  set(token: string, value: T, expiresAtSeconds: number, now = Date.now()): void {
    const expiresAtMs = Math.min(expiresAtSeconds * 1000, now + this.maxAgeMs);
    if (!(expiresAtMs > now)) return;
    const key = VerifiedTokenCache.keyOf(token);
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAtMs });
  }

  get size(): number {
    return this.entries.size;
  }
}
