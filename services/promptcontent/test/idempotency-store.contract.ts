import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdempotencyStore } from '../../kit/index.js';

export interface IdempotencySubject {
  store: IdempotencyStore;
  dispose(): Promise<void>;
}

/** What the kit's Idempotency-Key mechanism needs from a store, in whichever database PromptContent runs on. */
export function idempotencyStoreContract(adapter: string, create: () => Promise<IdempotencySubject>): void {
  describe(`Idempotency-Key store: ${adapter}`, () => {
    let subject: IdempotencySubject;

    beforeAll(async () => {
      subject = await create();
    });

    afterAll(async () => {
      await subject?.dispose();
    });

    it('reserves a new key once, then returns its pending and then its completed outcome', async () => {
      const { store } = subject;
      const key = randomUUID();
      expect(await store.reserve('tenant-a', key, 'hash-1')).toBe('reserved');
      expect(await store.reserve('tenant-a', key, 'hash-1')).toMatchObject({
        requestHash: 'hash-1',
        state: 'pending',
      });
      await store.complete('tenant-a', key, {
        status: 201,
        contentType: 'application/json',
        body: '{"id":1}',
      });
      expect(await store.reserve('tenant-a', key, 'hash-2')).toEqual({
        requestHash: 'hash-1',
        state: 'done',
        status: 201,
        contentType: 'application/json',
        body: '{"id":1}',
      });
    });

    it('keeps keys per tenant, and forgets a released reservation', async () => {
      const { store } = subject;
      const key = randomUUID();
      expect(await store.reserve('tenant-a', key, 'hash-a')).toBe('reserved');
      expect(await store.reserve('tenant-b', key, 'hash-b')).toBe('reserved');
      await store.release('tenant-a', key);
      expect(await store.reserve('tenant-a', key, 'hash-c')).toBe('reserved');
      expect(await store.reserve('tenant-b', key, 'hash-b')).toMatchObject({ requestHash: 'hash-b' });
    });
  });
}
