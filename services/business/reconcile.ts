import { z } from 'zod';
import {
  ConfigError,
  createMysqlPool,
  createRedis,
  type Env,
  envInt,
  loadConfig,
  TenantCache,
} from '../kit/index.js';
import { systemContext, type UseCaseContext } from '../shared/use-case-context.js';
import {
  Reconciliation,
  type ReconciliationLog,
  type ReconciliationOptions,
  type ReconciliationReport,
} from './application/reconciliation.js';
import type { BusinessConfig } from './config.js';
import { MysqlPaymentRepository } from './infrastructure/mysql-payments.js';
import { PayPalClient, type PayPalClientOptions } from './infrastructure/paypal/client.js';
import { PayPalPaymentGateway } from './infrastructure/paypal/paypal-payment-gateway.js';

/**
 * A capture holds its payment's row for at most PAYPAL_MAX_ATTEMPTS × PAYPAL_TIMEOUT_MS plus the
 * backoff between attempts (3 × 10 s + 0.2 s + 0.4 s ≈ 31 s with the defaults); five minutes without a
 * change is far past that, so an order still open then has an outcome nobody recorded.
 */
const DEFAULT_GRACE_MS = 300_000;

const optionsSchema = z.object({
  RECONCILE_GRACE_MS: envInt(0, 86_400_000, DEFAULT_GRACE_MS),
  RECONCILE_LIMIT: envInt(1, 10_000, 500),
});

export function loadReconciliationOptions(env: Env = process.env): ReconciliationOptions {
  const parsed = loadConfig(optionsSchema, env);
  return { graceMs: parsed.RECONCILE_GRACE_MS, limit: parsed.RECONCILE_LIMIT };
}

/**
 * One reconciliation pass (`main.js reconcile`, the Business CronJob): every PayPal order open for
 * longer than the grace period is looked up at PayPal and settled. Uses Business's own database,
 * Redis (to drop a tenant's cached entitlements when a payment is captured) and PayPal settings.
 */
export async function reconcilePayments(
  config: BusinessConfig,
  options: ReconciliationOptions,
  log: ReconciliationLog,
  overrides: { client?: Partial<PayPalClientOptions>; context?: UseCaseContext } = {},
): Promise<ReconciliationReport> {
  if (!config.paypal)
    throw new ConfigError(['PAYMENT_GATEWAY: reconciliation asks PayPal, so it must be "paypal"']);
  const pool = createMysqlPool(config.databaseUrl, 2, config.databaseAuth);
  const redis = createRedis(config.kit.redisUrl, config.kit.redisKeyPrefix, (error) =>
    log.warn({ err: error }, 'redis connection failed'),
  );
  try {
    const answers = new TenantCache(redis, {
      namespace: 'business',
      ttlSeconds: config.entitlementTtlSeconds,
      onError: (error: unknown) => log.warn({ err: error }, 'cache unavailable'),
    });
    const gateway = new PayPalPaymentGateway(new PayPalClient({ ...config.paypal, ...overrides.client }));
    const reconciliation = new Reconciliation(
      new MysqlPaymentRepository(pool),
      gateway,
      answers,
      overrides.context ?? systemContext,
    );
    return await reconciliation.run(options, log);
  } finally {
    await pool.end();
    redis.disconnect();
  }
}
