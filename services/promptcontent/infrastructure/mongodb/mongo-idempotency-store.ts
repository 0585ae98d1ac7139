import type { Collection, Db } from 'mongodb';
import { type IdempotencyStore, STALE_RESERVATION_SECONDS, type StoredOutcome } from '../../../kit/index.js';
import { guarded } from './availability.js';

interface KeyDocument {
  tenantId: string;
  key: string;
  requestHash: string;
  state: 'pending' | 'done';
  status: number | null;
  contentType: string | null;
  body: string | null;
  createdAt: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * The kit's Idempotency-Key store on MongoDB (the production PromptContent store): one document per
 * tenant and key, unique on `{tenantId, key}`, so a key of one tenant never meets another's.
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private readonly keys: Collection<KeyDocument>;

  constructor(db: Db) {
    this.keys = db.collection<KeyDocument>('idempotency_keys');
  }

  async createIndexes(): Promise<void> {
    await this.keys.createIndex({ tenantId: 1, key: 1 }, { unique: true });
  }

  async reserve(tenantId: string, key: string, requestHash: string): Promise<StoredOutcome | 'reserved'> {
    // A key released between our failed insert and the read is simply tried again.
    for (;;) {
      try {
        await guarded(() =>
          this.keys.insertOne({
            tenantId,
            key,
            requestHash,
            state: 'pending',
            status: null,
            contentType: null,
            body: null,
            createdAt: new Date(),
          }),
        );
        return 'reserved';
      } catch (error) {
        if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
      }
      const staleBefore = new Date(Date.now() - STALE_RESERVATION_SECONDS * 1000);
      const takenOver = await guarded(() =>
        this.keys.updateOne(
          { tenantId, key, requestHash, state: 'pending', createdAt: { $lt: staleBefore } },
          { $set: { createdAt: new Date() } },
        ),
      );
      if (takenOver.modifiedCount === 1) return 'reserved';
      const stored = await guarded(() => this.keys.findOne({ tenantId, key }));
      if (stored) {
        const { requestHash: hash, state, status, contentType, body } = stored;
        return { requestHash: hash, state, status, contentType, body };
      }
    }
  }

  async complete(
    tenantId: string,
    key: string,
    outcome: { status: number; contentType: string; body: string },
  ): Promise<void> {
    await guarded(() => this.keys.updateOne({ tenantId, key }, { $set: { state: 'done', ...outcome } }));
  }

  async release(tenantId: string, key: string): Promise<void> {
    await guarded(() => this.keys.deleteOne({ tenantId, key, state: 'pending' }));
  }
}
