import { idempotencyTableStatements, type Migration, rowLevelSecurityStatements } from '../../kit/index.js';
import { addTenantColumnStatements } from '../../shared/tenant-sql.js';

/** The tables holding a tenant's data: each gets tenant_id and row-level security. */
export const TENANT_TABLES = ['campaigns', 'audiences', 'bidding_rules', 'experiments', 'compliance_log'];

/** PromptAds schema (PostgreSQL). List indexes: filter column, then (created_at DESC, id DESC). */
export const promptAdsMigrations: Migration[] = [
  {
    version: 1,
    name: 'campaigns',
    statements: [
      `CREATE TABLE campaigns (
        id uuid PRIMARY KEY,
        account_id text NOT NULL,
        name text NOT NULL,
        objective text NOT NULL,
        kpis jsonb NOT NULL,
        channels text[] NOT NULL,
        formats text[] NOT NULL,
        budget_amount_cents bigint NOT NULL CHECK (budget_amount_cents >= 0),
        budget_currency char(3) NOT NULL,
        budget_period text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        status text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT campaigns_dates CHECK (end_date >= start_date)
      )`,
      'CREATE INDEX campaigns_created ON campaigns (created_at DESC, id DESC)',
      'CREATE INDEX campaigns_account_created ON campaigns (account_id, created_at DESC, id DESC)',
      'CREATE INDEX campaigns_status_created ON campaigns (status, created_at DESC, id DESC)',
      'CREATE INDEX campaigns_objective_created ON campaigns (objective, created_at DESC, id DESC)',
      'CREATE INDEX campaigns_channels ON campaigns USING gin (channels)',
    ],
  },
  {
    version: 2,
    name: 'targeting_bidding_experiments',
    statements: [
      `CREATE TABLE audiences (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES campaigns (id),
        name text NOT NULL,
        age_min smallint NOT NULL,
        age_max smallint NOT NULL,
        genders text[] NOT NULL,
        locations text[] NOT NULL,
        interests text[] NOT NULL,
        behaviours text[] NOT NULL,
        created_at timestamptz NOT NULL
      )`,
      'CREATE INDEX audiences_campaign_created ON audiences (campaign_id, created_at DESC, id DESC)',
      `CREATE TABLE bidding_rules (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES campaigns (id),
        channel text NOT NULL,
        strategy text NOT NULL,
        bid_cap_cents bigint,
        daily_budget_cents bigint NOT NULL CHECK (daily_budget_cents >= 0),
        created_at timestamptz NOT NULL
      )`,
      'CREATE INDEX bidding_rules_campaign_created ON bidding_rules (campaign_id, created_at DESC, id DESC)',
      `CREATE TABLE experiments (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES campaigns (id),
        name text NOT NULL,
        hypothesis text NOT NULL,
        metric text NOT NULL,
        status text NOT NULL,
        variants jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`,
      'CREATE INDEX experiments_campaign_created ON experiments (campaign_id, created_at DESC, id DESC)',
    ],
  },
  {
    version: 3,
    name: 'compliance_log',
    statements: [
      // No foreign key: the trail must outlive whatever it describes.
      `CREATE TABLE compliance_log (
        id bigserial PRIMARY KEY,
        campaign_id uuid NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        changes jsonb NOT NULL,
        request_id text,
        at timestamptz NOT NULL
      )`,
      'CREATE INDEX compliance_log_campaign ON compliance_log (campaign_id, id DESC)',
    ],
  },
  {
    version: 4,
    name: 'tenants_and_row_level_security',
    statements: [
      ...TENANT_TABLES.flatMap(addTenantColumnStatements),
      'CREATE INDEX campaigns_tenant_created ON campaigns (tenant_id, created_at DESC, id DESC)',
      'CREATE INDEX campaigns_tenant_status_created ON campaigns (tenant_id, status, created_at DESC, id DESC)',
      'CREATE INDEX campaigns_tenant_objective_created ON campaigns (tenant_id, objective, created_at DESC, id DESC)',
      'DROP INDEX campaigns_created',
      'DROP INDEX campaigns_account_created',
      'DROP INDEX campaigns_status_created',
      'DROP INDEX campaigns_objective_created',
      // A second line behind the repositories' own tenant filters, for the owner too (FORCE).
      ...TENANT_TABLES.flatMap(rowLevelSecurityStatements),
      ...idempotencyTableStatements('postgres'),
    ],
  },
];
