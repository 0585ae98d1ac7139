import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { createPgPool } from '../../kit/index.js';
import { createTestPostgresDatabase } from '../../test-support/index.js';
import { MongoContentRepository } from '../infrastructure/mongodb/mongo-content-repository.js';
import { PgContentRepository } from '../infrastructure/postgres/pg-content-repository.js';
import { contentRepositoryContract } from './content-repository.contract.js';

contentRepositoryContract('PostgreSQL JSONB adapter', async () => {
  const database = await createTestPostgresDatabase('content_contract');
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
