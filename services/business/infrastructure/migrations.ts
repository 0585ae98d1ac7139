import { DEFAULT_TENANT, idempotencyTableStatements, type Migration } from '../../kit/index.js';

/** Adds a NOT NULL tenant_id; existing rows move under the default tenant, new rows must name theirs. */
const tenantColumn = (table: string) => [
  `ALTER TABLE ${table} ADD COLUMN tenant_id VARCHAR(63) NOT NULL DEFAULT '${DEFAULT_TENANT}' FIRST`,
  `ALTER TABLE ${table} ALTER COLUMN tenant_id DROP DEFAULT`,
];

/** Business schema (MySQL / MariaDB). Indexes follow the list queries: filter columns, then (created_at, id). */
export const businessMigrations: Migration[] = [
  {
    version: 1,
    name: 'plans_and_features',
    statements: [
      `CREATE TABLE IF NOT EXISTS plans (
        id VARCHAR(64) NOT NULL PRIMARY KEY,
        name VARCHAR(200) NOT NULL,
        price_cents INT UNSIGNED NOT NULL,
        currency CHAR(3) NOT NULL,
        billing_period VARCHAR(16) NOT NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY plans_active_id (active, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE IF NOT EXISTS plan_features (
        plan_id VARCHAR(64) NOT NULL,
        feature VARCHAR(100) NOT NULL,
        PRIMARY KEY (plan_id, feature),
        CONSTRAINT plan_features_plan FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    ],
  },
  {
    version: 2,
    name: 'subscriptions',
    statements: [
      `CREATE TABLE IF NOT EXISTS subscriptions (
        id CHAR(36) NOT NULL PRIMARY KEY,
        account_id VARCHAR(64) NOT NULL,
        plan_id VARCHAR(64) NOT NULL,
        status VARCHAR(16) NOT NULL,
        started_at DATETIME(3) NOT NULL,
        cancelled_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        active_account_id VARCHAR(64) GENERATED ALWAYS AS (CASE WHEN status = 'active' THEN account_id END) STORED,
        UNIQUE KEY subscriptions_one_active_per_account (active_account_id),
        KEY subscriptions_account_created (account_id, created_at, id),
        KEY subscriptions_plan_created (plan_id, created_at, id),
        KEY subscriptions_status_created (status, created_at, id),
        KEY subscriptions_created (created_at, id),
        CONSTRAINT subscriptions_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    ],
  },
  {
    version: 3,
    name: 'payments_and_transitions',
    statements: [
      `CREATE TABLE IF NOT EXISTS payments (
        id CHAR(36) NOT NULL PRIMARY KEY,
        subscription_id CHAR(36) NOT NULL,
        account_id VARCHAR(64) NOT NULL,
        amount_cents INT UNSIGNED NOT NULL,
        currency CHAR(3) NOT NULL,
        status VARCHAR(16) NOT NULL,
        provider VARCHAR(32) NOT NULL,
        provider_order_id VARCHAR(128) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY payments_provider_order (provider, provider_order_id),
        KEY payments_account_created (account_id, created_at, id),
        KEY payments_subscription_created (subscription_id, created_at, id),
        KEY payments_status_created (status, created_at, id),
        KEY payments_created (created_at, id),
        CONSTRAINT payments_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE IF NOT EXISTS payment_transitions (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        payment_id CHAR(36) NOT NULL,
        from_status VARCHAR(16) NULL,
        to_status VARCHAR(16) NOT NULL,
        reason VARCHAR(300) NOT NULL,
        provider_reference VARCHAR(128) NULL,
        at DATETIME(3) NOT NULL,
        KEY payment_transitions_payment (payment_id, id),
        CONSTRAINT payment_transitions_payment FOREIGN KEY (payment_id) REFERENCES payments (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    ],
  },
  {
    version: 4,
    name: 'tenants',
    statements: [
      ...tenantColumn('subscriptions'),
      // One open (pending or active) subscription per account within a tenant.
      `ALTER TABLE subscriptions DROP INDEX subscriptions_one_active_per_account, DROP COLUMN active_account_id`,
      `ALTER TABLE subscriptions
        ADD COLUMN open_account_id VARCHAR(64) GENERATED ALWAYS AS (CASE WHEN status IN ('pending', 'active') THEN account_id END) STORED,
        ADD UNIQUE KEY subscriptions_one_open_per_account (tenant_id, open_account_id),
        ADD KEY subscriptions_tenant_created (tenant_id, created_at, id),
        ADD KEY subscriptions_tenant_plan_created (tenant_id, plan_id, created_at, id),
        ADD KEY subscriptions_tenant_status_created (tenant_id, status, created_at, id)`,
      ...tenantColumn('payments'),
      `ALTER TABLE payments
        ADD KEY payments_tenant_created (tenant_id, created_at, id),
        ADD KEY payments_tenant_subscription_status (tenant_id, subscription_id, status),
        ADD KEY payments_tenant_status_created (tenant_id, status, created_at, id)`,
      ...tenantColumn('payment_transitions'),
      `ALTER TABLE payment_transitions ADD KEY payment_transitions_tenant_payment (tenant_id, payment_id, id)`,
      ...idempotencyTableStatements('mysql'),
    ],
  },
  {
    version: 5,
    name: 'provider_orders_and_events',
    statements: [
      // The billing period an order pays and the capture that paid it: webhooks find the payment by
      // either the order or the capture id, reconciliation by status and age.
      `ALTER TABLE payments
        ADD COLUMN billing_period VARCHAR(16) NULL,
        ADD COLUMN provider_capture_id VARCHAR(128) NULL,
        ADD UNIQUE KEY payments_provider_capture (provider, provider_capture_id),
        ADD KEY payments_tenant_subscription_period (tenant_id, subscription_id, billing_period),
        ADD KEY payments_provider_status_updated (provider, status, updated_at)`,
      // One row per provider event acted on, written in the transaction that acted on it: a
      // redelivered event finds its id taken and changes nothing.
      `CREATE TABLE IF NOT EXISTS provider_events (
        provider VARCHAR(32) NOT NULL,
        event_id VARCHAR(100) NOT NULL,
        tenant_id VARCHAR(63) NOT NULL,
        event_type VARCHAR(100) NOT NULL,
        payment_id CHAR(36) NOT NULL,
        outcome VARCHAR(16) NOT NULL,
        received_at DATETIME(3) NOT NULL,
        PRIMARY KEY (provider, event_id),
        KEY provider_events_tenant_payment (tenant_id, payment_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    ],
  },
];
