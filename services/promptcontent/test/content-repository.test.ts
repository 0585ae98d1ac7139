import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { createPgPool } from '../../kit/index.js';
import { createTestPostgresDatabase } from '../../test-support/index.js';
import { MongoContentRepository } from '../infrastructure/mongodb/mongo-content-repository.js';
import { PgContentRepository } from '../infrastructure/postgres/pg-content-repository.js';
import { contentRepositoryContract } from './content-repository.contract.js';
import { idempotencyStoreContract } from './idempotency-store.contract.js';

idempotencyStoreContract('PostgreSQL', async () => {
  const database = await createTestPostgresDatabase('content_idempotency');
  const repository = new PgContentRepository(
    createPgPool(database.appUrl, () => undefined),
    database.url,
  );
  await repository.migrate();
  return {
    store: repository.idempotency,
    dispose: async () => {
      await repository.close();
      await database.drop();
    },
  };
});

contentRepositoryContract('PostgreSQL JSONB adapter', async () => {
  const database = await createTestPostgresDatabase('content_contract');
  // As the owner (a superuser here, which row-level security does not bind): the cross-tenant
  // checks of the contract test the adapter's own tenant filters, as they do on MongoDB.
  const repository = new PgContentRepository(
    createPgPool(database.url, () => undefined),
    database.url,
  );
  return {
    repository,
    dispose: async () => {
      await repository.close();
      await database.drop();
    },
  };
});

const mongoUrl = process.env.MONGODB_URL;

if (mongoUrl) {
  idempotencyStoreContract('MongoDB', async () => {
    const repository = MongoContentRepository.create({
      url: mongoUrl,
      database: `promptcontent_idempotency_${randomBytes(4).toString('hex')}`,
    });
    await repository.migrate();
    return {
      store: repository.idempotency,
      dispose: async () => {
        await repository.dropDatabase();
        await repository.close();
      },
    };
  });

  contentRepositoryContract('MongoDB adapter', async () => {
    const repository = MongoContentRepository.create({
      url: mongoUrl,
      database: `promptcontent_contract_${randomBytes(4).toString('hex')}`,
    });
    return {
      repository,
      dispose: async () => {
        await repository.dropDatabase();
        await repository.close();
      },
    };
  });
} else {
  console.info(
    'MongoDB adapter contract tests skipped: set MONGODB_URL (e.g. mongodb://127.0.0.1:27017) to run them',
  );
  describe('ContentRepository contract: MongoDB adapter', () => {
    it.skip('MongoDB adapter: set MONGODB_URL to run', () => {});
  });
}
