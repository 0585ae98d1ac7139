import { type Migration, sqlStatements } from '../../../kit/index.js';

const SQL = `
CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  industry text NOT NULL,
  region text NOT NULL,
  website text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX organisations_page_idx ON organisations (created_at DESC, id DESC);
CREATE INDEX organisations_industry_idx ON organisations (industry, created_at DESC, id DESC);
CREATE INDEX organisations_region_idx ON organisations (region, created_at DESC, id DESC);

CREATE TABLE accounts (
  id uuid PRIMARY KEY,
  organisation_id uuid CONSTRAINT accounts_organisation_fk REFERENCES organisations (id),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  type text NOT NULL CHECK (type IN ('prospect', 'customer', 'partner')),
  industry text NOT NULL,
  region text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX accounts_page_idx ON accounts (created_at DESC, id DESC);
CREATE INDEX accounts_type_idx ON accounts (type, created_at DESC, id DESC);
CREATE INDEX accounts_industry_idx ON accounts (industry, created_at DESC, id DESC);
CREATE INDEX accounts_region_idx ON accounts (region, created_at DESC, id DESC);
CREATE INDEX accounts_organisation_idx ON accounts (organisation_id, created_at DESC, id DESC);

CREATE TABLE contacts (
  id uuid PRIMARY KEY,
  organisation_id uuid CONSTRAINT contacts_organisation_fk REFERENCES organisations (id),
  account_id uuid CONSTRAINT contacts_account_fk REFERENCES accounts (id),
  first_name text NOT NULL,
  last_name text NOT NULL,
  email text NOT NULL CONSTRAINT contacts_email_key UNIQUE,
  phone text,
  job_title text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX contacts_page_idx ON contacts (created_at DESC, id DESC);
CREATE INDEX contacts_organisation_idx ON contacts (organisation_id, created_at DESC, id DESC);
CREATE INDEX contacts_account_idx ON contacts (account_id, created_at DESC, id DESC);

CREATE TABLE leads (
  id uuid PRIMARY KEY,
  contact_id uuid NOT NULL CONSTRAINT leads_contact_fk REFERENCES contacts (id),
  account_id uuid CONSTRAINT leads_account_fk REFERENCES accounts (id),
  title text NOT NULL,
  source text NOT NULL,
  status text NOT NULL CHECK (status IN ('new', 'contacted', 'qualified', 'unqualified', 'converted', 'lost')),
  lead_type text NOT NULL CHECK (lead_type IN ('b2b', 'b2c', 'b2g')),
  industry text NOT NULL,
  purchase_potential text NOT NULL CHECK (purchase_potential IN ('low', 'medium', 'high')),
  region text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX leads_page_idx ON leads (created_at DESC, id DESC);
CREATE INDEX leads_status_idx ON leads (status, created_at DESC, id DESC);
CREATE INDEX leads_source_idx ON leads (source, created_at DESC, id DESC);
CREATE INDEX leads_type_idx ON leads (lead_type, created_at DESC, id DESC);
CREATE INDEX leads_industry_idx ON leads (industry, created_at DESC, id DESC);
CREATE INDEX leads_potential_idx ON leads (purchase_potential, created_at DESC, id DESC);
CREATE INDEX leads_region_idx ON leads (region, created_at DESC, id DESC);
CREATE INDEX leads_contact_idx ON leads (contact_id, created_at DESC, id DESC);
CREATE INDEX leads_account_idx ON leads (account_id, created_at DESC, id DESC);

CREATE TABLE lead_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('created', 'status-changed', 'interaction')),
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  actor text,
  data jsonb NOT NULL
);
CREATE INDEX lead_events_timeline_idx ON lead_events (lead_id, occurred_at, seq);
`;

/** Organisations, accounts, contacts, leads and the lead event log behind the timeline. */
export const contactsAndLeads: Migration = {
  version: 1,
  name: 'contacts-and-leads',
  statements: sqlStatements(SQL),
};
