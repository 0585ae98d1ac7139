import type { FastifyBaseLogger } from 'fastify';
import {
  createPgPool,
  createRedis,
  createServiceApp,
  pgDependency,
  pgIdempotencyStore,
  type ServiceApp,
} from '../kit/index.js';
import { crmRoutes } from './api/v1/routes.js';
import { ContactsManagement } from './application/contacts-management.js';
import { Leads } from './application/leads.js';
import { type PromptCrmConfig, SERVICE } from './config.js';
import { pgRepositories } from './infrastructure/pg-repositories.js';

/** Wires PromptCrm: PostgreSQL repositories behind the use cases, the v1 routes inside the kit's app. */
export async function buildPromptCrm(config: PromptCrmConfig): Promise<ServiceApp> {
  // The clients exist before the app (and its logger); their errors are logged once it does.
  let log: FastifyBaseLogger | undefined;
  const pool = createPgPool(
    config.databaseUrl,
    (error) => log?.warn({ err: error }, 'idle database connection failed'),
    config.databasePoolMax,
    config.databaseAuth,
  );
  const redis = createRedis(config.kit.redisUrl, config.kit.redisKeyPrefix, (error) =>
    log?.warn({ err: error }, 'redis connection failed'),
  );
  const repositories = pgRepositories(pool);
  const service = await createServiceApp({
    service: SERVICE,
    title: 'PromptCrm API',
    description:
      'Contacts, accounts, organisations and leads: segmentation and each lead’s consolidated timeline.',
    config: config.kit,
    redis,
    dependencies: [pgDependency(pool)],
    idempotency: pgIdempotencyStore(pool),
    routes: crmRoutes({
      contacts: new ContactsManagement(
        repositories.organisations,
        repositories.accounts,
        repositories.contacts,
      ),
      leads: new Leads(repositories.leads),
    }),
  });
  log = service.app.log;
  return service;
}
