import type { FastifyBaseLogger } from 'fastify';
import {
  createPgPool,
  type Dependency,
  ensurePostgresDatabase,
  type IdempotencyStore,
} from '../../kit/index.js';
import type { ContentRepository } from '../application/ports.js';
import type { ContentStoreConfig } from '../config.js';
import { MONGODB_DEPENDENCY } from './mongodb/availability.js';
import { MongoContentRepository } from './mongodb/mongo-content-repository.js';
import { PgContentRepository } from './postgres/pg-content-repository.js';

export interface ContentStore {
  repository: ContentRepository;
  /** Checked by readiness, closed on shutdown: whichever store is configured. */
  dependency: Dependency;
  /** Where Idempotency-Keys are kept: the same store. */
  idempotency: IdempotencyStore;
}

/** Opens the configured store's adapter (no connection is made until first use). */
export function openContentStore(
  config: ContentStoreConfig,
  log?: () => FastifyBaseLogger | undefined,
): ContentStore {
  const repository =
    config.kind === 'mongodb'
      ? MongoContentRepository.create({
          url: config.url,
          database: config.database,
          serverSelectionTimeoutMs: config.serverSelectionTimeoutMs,
        })
      : new PgContentRepository(
          createPgPool(
            config.url,
            (error) => log?.()?.warn({ err: error }, 'idle database connection failed'),
            config.poolMax,
          ),
          config.url,
        );
  return {
    repository,
    idempotency: repository.idempotency,
    dependency: {
      name: config.kind === 'mongodb' ? MONGODB_DEPENDENCY : 'database',
      check: () => repository.ping(),
      close: () => repository.close(),
    },
  };
}

/** Prepares the configured store: creates the PostgreSQL database and applies migrations, or builds Mongo indexes. */
export async function migrateContentStore(config: ContentStoreConfig): Promise<void> {
  if (config.kind === 'postgres') await ensurePostgresDatabase(config.url);
  const { repository } = openContentStore(config);
  try {
    await repository.migrate();
  } finally {
    await repository.close();
  }
}
