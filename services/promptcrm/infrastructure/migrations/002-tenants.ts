import { type Migration, rowLevelSecurityStatements, sqlStatements } from '../../../kit/index.js';
import { addTenantColumnStatements } from '../../../shared/tenant-sql.js';

const TABLES = ['organisations', 'accounts', 'contacts', 'leads', 'lead_events'];

/**
 * Every row belongs to a tenant. Rows written before tenancy move under the default tenant.
 * References carry the tenant ((tenant_id, x_id) → (tenant_id, id)), so a row can never point at
 * another tenant's record, and uniqueness (a contact's e-mail) holds per tenant only. Every index a
 * list uses starts with tenant_id.
 */
const SQL = `
ALTER TABLE organisations ADD CONSTRAINT organisations_tenant_id_key UNIQUE (tenant_id, id);
ALTER TABLE accounts ADD CONSTRAINT accounts_tenant_id_key UNIQUE (tenant_id, id);
ALTER TABLE contacts ADD CONSTRAINT contacts_tenant_id_key UNIQUE (tenant_id, id);
ALTER TABLE leads ADD CONSTRAINT leads_tenant_id_key UNIQUE (tenant_id, id);

ALTER TABLE accounts DROP CONSTRAINT accounts_organisation_fk;
ALTER TABLE accounts ADD CONSTRAINT accounts_organisation_fk
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id);
ALTER TABLE contacts DROP CONSTRAINT contacts_organisation_fk;
ALTER TABLE contacts ADD CONSTRAINT contacts_organisation_fk
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id);
ALTER TABLE contacts DROP CONSTRAINT contacts_account_fk;
ALTER TABLE contacts ADD CONSTRAINT contacts_account_fk
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id);
ALTER TABLE leads DROP CONSTRAINT leads_contact_fk;
ALTER TABLE leads ADD CONSTRAINT leads_contact_fk
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id);
ALTER TABLE leads DROP CONSTRAINT leads_account_fk;
ALTER TABLE leads ADD CONSTRAINT leads_account_fk
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id);
ALTER TABLE lead_events DROP CONSTRAINT lead_events_lead_id_fkey;
ALTER TABLE lead_events ADD CONSTRAINT lead_events_lead_fk
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) ON DELETE CASCADE;

ALTER TABLE contacts DROP CONSTRAINT contacts_email_key;
ALTER TABLE contacts ADD CONSTRAINT contacts_email_key UNIQUE (tenant_id, email);
ALTER TABLE lead_events DROP CONSTRAINT lead_events_id_key;
ALTER TABLE lead_events ADD CONSTRAINT lead_events_id_key UNIQUE (tenant_id, id);

DROP INDEX organisations_page_idx;
DROP INDEX organisations_industry_idx;
DROP INDEX organisations_region_idx;
CREATE INDEX organisations_page_idx ON organisations (tenant_id, created_at DESC, id DESC);
CREATE INDEX organisations_industry_idx ON organisations (tenant_id, industry, created_at DESC, id DESC);
CREATE INDEX organisations_region_idx ON organisations (tenant_id, region, created_at DESC, id DESC);

DROP INDEX accounts_page_idx;
DROP INDEX accounts_type_idx;
DROP INDEX accounts_industry_idx;
DROP INDEX accounts_region_idx;
DROP INDEX accounts_organisation_idx;
CREATE INDEX accounts_page_idx ON accounts (tenant_id, created_at DESC, id DESC);
CREATE INDEX accounts_type_idx ON accounts (tenant_id, type, created_at DESC, id DESC);
CREATE INDEX accounts_industry_idx ON accounts (tenant_id, industry, created_at DESC, id DESC);
CREATE INDEX accounts_region_idx ON accounts (tenant_id, region, created_at DESC, id DESC);
CREATE INDEX accounts_organisation_idx ON accounts (tenant_id, organisation_id, created_at DESC, id DESC);

DROP INDEX contacts_page_idx;
DROP INDEX contacts_organisation_idx;
DROP INDEX contacts_account_idx;
CREATE INDEX contacts_page_idx ON contacts (tenant_id, created_at DESC, id DESC);
CREATE INDEX contacts_organisation_idx ON contacts (tenant_id, organisation_id, created_at DESC, id DESC);
CREATE INDEX contacts_account_idx ON contacts (tenant_id, account_id, created_at DESC, id DESC);

DROP INDEX leads_page_idx;
DROP INDEX leads_status_idx;
DROP INDEX leads_source_idx;
DROP INDEX leads_type_idx;
DROP INDEX leads_industry_idx;
DROP INDEX leads_potential_idx;
DROP INDEX leads_region_idx;
DROP INDEX leads_contact_idx;
DROP INDEX leads_account_idx;
CREATE INDEX leads_page_idx ON leads (tenant_id, created_at DESC, id DESC);
CREATE INDEX leads_status_idx ON leads (tenant_id, status, created_at DESC, id DESC);
CREATE INDEX leads_source_idx ON leads (tenant_id, source, created_at DESC, id DESC);
CREATE INDEX leads_type_idx ON leads (tenant_id, lead_type, created_at DESC, id DESC);
CREATE INDEX leads_industry_idx ON leads (tenant_id, industry, created_at DESC, id DESC);
CREATE INDEX leads_potential_idx ON leads (tenant_id, purchase_potential, created_at DESC, id DESC);
CREATE INDEX leads_region_idx ON leads (tenant_id, region, created_at DESC, id DESC);
CREATE INDEX leads_contact_idx ON leads (tenant_id, contact_id, created_at DESC, id DESC);
CREATE INDEX leads_account_idx ON leads (tenant_id, account_id, created_at DESC, id DESC);

DROP INDEX lead_events_timeline_idx;
CREATE INDEX lead_events_timeline_idx ON lead_events (tenant_id, lead_id, occurred_at, seq);
`;

/** Tenancy: a tenant on every row, tenant-scoped references, uniqueness and indexes, row-level security. */
export const tenants: Migration = {
  version: 2,
  name: 'tenants',
  statements: [
    ...TABLES.flatMap(addTenantColumnStatements),
    ...sqlStatements(SQL),
    ...TABLES.flatMap(rowLevelSecurityStatements),
  ],
};
