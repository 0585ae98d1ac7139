import type { FastifyBaseLogger } from 'fastify';
import { createRedis, createServiceApp, type ServiceApp } from '../kit/index.js';
import { contentRoutes } from './api/v1/routes.js';
import { AssetGeneration } from './application/asset-generation.js';
import { CampaignPackaging } from './application/campaign-packaging.js';
import { CreativeBriefing } from './application/creative-briefing.js';
import { type PromptContentConfig, SERVICE } from './config.js';
import { openContentStore } from './infrastructure/content-store.js';

/** Wires PromptContent: the configured store behind the use cases, the v1 routes inside the kit's app. */
export async function buildPromptContent(config: PromptContentConfig): Promise<ServiceApp> {
  // The clients exist before the app (and its logger); their errors are logged once it does.
  let log: FastifyBaseLogger | undefined;
  const store = openContentStore(config.store, () => log);
  const redis = createRedis(config.kit.redisUrl, config.kit.redisKeyPrefix, (error) =>
    log?.warn({ err: error }, 'redis connection failed'),
  );
  const { repository } = store;
  const service = await createServiceApp({
    service: SERVICE,
    title: 'PromptContent API',
    description: 'Creative briefs, generated asset records per channel and language, and campaign packages.',
    config: config.kit,
    redis,
    dependencies: [store.dependency],
    idempotency: store.idempotency,
    routes: contentRoutes({
      briefs: new CreativeBriefing(repository),
      assets: new AssetGeneration(repository),
      packages: new CampaignPackaging(repository),
    }),
  });
  log = service.app.log;
  service.app.log.info({ store: config.store.kind }, 'content store selected');
  return service;
}
