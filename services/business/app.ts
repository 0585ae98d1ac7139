import type { FastifyBaseLogger } from 'fastify';
import {
  createMysqlPool,
  createRedis,
  createServiceApp,
  mysqlDependency,
  mysqlIdempotencyStore,
  ReadThroughCache,
  type ServiceApp,
  TenantCache,
} from '../kit/index.js';
import { systemContext, type UseCaseContext } from '../shared/use-case-context.js';
import { businessRoutes } from './api/v1/routes.js';
import { Entitlements } from './application/entitlements.js';
import { PaymentEvents } from './application/payment-events.js';
import { Payments } from './application/payments.js';
import { Plans } from './application/plans.js';
import type { PaymentGateway, WebhookVerifier } from './application/ports.js';
import { Subscriptions } from './application/subscriptions.js';
import { type BusinessConfig, SERVICE } from './config.js';
import { DisabledPaymentGateway } from './infrastructure/disabled-payment-gateway.js';
import { MysqlPaymentRepository } from './infrastructure/mysql-payments.js';
import { MysqlPlanRepository } from './infrastructure/mysql-plans.js';
import { MysqlSubscriptionRepository } from './infrastructure/mysql-subscriptions.js';
import { PayPalClient } from './infrastructure/paypal/client.js';
import { PayPalPaymentGateway } from './infrastructure/paypal/paypal-payment-gateway.js';
import { PayPalWebhookVerifier } from './infrastructure/paypal/webhook-verifier.js';
import { RecordingPaymentGateway } from './infrastructure/recording-payment-gateway.js';

export interface BusinessOverrides {
  gateway?: PaymentGateway;
  context?: UseCaseContext;
}

/** Wires Business: MariaDB/MySQL repositories, the Redis read-through cache and the PayPal port. */
export async function buildBusiness(
  config: BusinessConfig,
  overrides: BusinessOverrides = {},
): Promise<ServiceApp> {
  let log: FastifyBaseLogger | undefined;
  const pool = createMysqlPool(config.databaseUrl, config.databasePoolMax, config.databaseAuth);
  const redis = createRedis(config.kit.redisUrl, config.kit.redisKeyPrefix, (error) =>
    log?.warn({ err: error }, 'redis connection failed'),
  );
  const cacheOptions = {
    namespace: 'business',
    onError: (error: unknown) =>
      log?.warn({ err: error }, 'cache unavailable; reading through to the database'),
  };
  const cache = new ReadThroughCache(redis, { ...cacheOptions, ttlSeconds: config.cacheTtlSeconds });
  const answers = new TenantCache(redis, { ...cacheOptions, ttlSeconds: config.entitlementTtlSeconds });
  const context = overrides.context ?? systemContext;
  const paypal = config.paypal && new PayPalClient(config.paypal);
  const gateway =
    overrides.gateway ??
    (paypal
      ? new PayPalPaymentGateway(paypal)
      : config.paymentGateway === 'recording'
        ? new RecordingPaymentGateway(config.declinedAmountsCents)
        : new DisabledPaymentGateway());
  // Without PayPal there is nobody to verify a delivery with: the webhook route answers 503.
  const verifier: WebhookVerifier | undefined =
    paypal && config.paypal && new PayPalWebhookVerifier(paypal, config.paypal.webhookId);

  const planRepository = new MysqlPlanRepository(pool);
  const paymentRepository = new MysqlPaymentRepository(pool);
  const subscriptionRepository = new MysqlSubscriptionRepository(pool);
  const plans = new Plans(planRepository, cache, context);
  const subscriptions = new Subscriptions(subscriptionRepository, plans, answers, context);
  const service = await createServiceApp({
    service: SERVICE,
    title: 'Business API',
    description:
      'Plans, subscriptions, entitlements (the facade other domains call) and payments through PayPal.',
    config: config.kit,
    redis,
    dependencies: [mysqlDependency(pool)],
    idempotency: mysqlIdempotencyStore(pool),
    routes: businessRoutes({
      plans,
      subscriptions,
      entitlements: new Entitlements(subscriptionRepository, plans, answers),
      payments: new Payments(paymentRepository, plans, gateway, answers, context),
      paymentEvents: new PaymentEvents(gateway.provider, verifier, paymentRepository, answers, context),
    }),
  });
  log = service.app.log;
  if (gateway instanceof RecordingPaymentGateway) {
    log.warn('payments go to the recording gateway: nothing is sent to PayPal');
  } else if (gateway instanceof DisabledPaymentGateway) {
    log.warn('no payment gateway is configured: payment routes answer 503');
  }
  return service;
}
