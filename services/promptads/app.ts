import type { FastifyBaseLogger } from 'fastify';
import {
  ClientCredentialsTokenSource,
  createPgPool,
  createRedis,
  createServiceApp,
  FacadeHttpClient,
  pgDependency,
  pgIdempotencyStore,
  type ServiceApp,
} from '../kit/index.js';
import { systemContext, type UseCaseContext } from '../shared/use-case-context.js';
import { promptAdsRoutes } from './api/v1/routes.js';
import { CampaignPlanning } from './application/campaign-planning.js';
import type { EntitlementsPort } from './application/ports.js';
import { type PromptAdsConfig, SERVICE } from './config.js';
import { BusinessEntitlementsClient } from './infrastructure/business-entitlements-client.js';
import { PgCampaignRepository } from './infrastructure/pg-campaigns.js';

export interface PromptAdsOverrides {
  context?: UseCaseContext;
  entitlements?: EntitlementsPort;
}

/** Wires PromptAds: PostgreSQL repository, the Business facade client, the v1 routes in the kit's app. */
export async function buildPromptAds(
  config: PromptAdsConfig,
  overrides: PromptAdsOverrides = {},
): Promise<ServiceApp> {
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
  const entitlements =
    overrides.entitlements ??
    new BusinessEntitlementsClient(
      new FacadeHttpClient({
        baseUrl: config.business.url,
        dependency: 'business',
        timeoutMs: config.business.timeoutMs,
        tokens: new ClientCredentialsTokenSource(config.serviceClient),
      }),
    );
  const planning = new CampaignPlanning(
    new PgCampaignRepository(pool),
    entitlements,
    overrides.context ?? systemContext,
  );
  const service = await createServiceApp({
    service: SERVICE,
    title: 'PromptAds API',
    description:
      'Campaign planning (objective, KPIs, channels, formats, budget, dates), targeting, bidding rules, A/B experiments and the compliance trail.',
    config: config.kit,
    redis,
    dependencies: [pgDependency(pool)],
    idempotency: pgIdempotencyStore(pool),
    routes: promptAdsRoutes(planning),
  });
  log = service.app.log;
  return service;
}
