import {
  idempotencyTableStatements,
  type Migration,
  rowLevelSecurityStatements,
  sqlStatements,
} from '../../../kit/index.js';
import { addTenantColumnStatements } from '../../../shared/tenant-sql.js';

const CONTENT_DOCUMENTS = `
CREATE TABLE content_briefs (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX content_briefs_page_idx ON content_briefs (created_at DESC, id DESC);
CREATE INDEX content_briefs_status_idx ON content_briefs ((doc->>'status'), created_at DESC, id DESC);
CREATE INDEX content_briefs_tone_idx ON content_briefs ((doc->>'tone'), created_at DESC, id DESC);
CREATE INDEX content_briefs_account_idx ON content_briefs ((doc->>'accountId'), created_at DESC, id DESC);

CREATE TABLE content_assets (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX content_assets_page_idx ON content_assets (created_at DESC, id DESC);
CREATE INDEX content_assets_brief_idx ON content_assets ((doc->>'briefId'), created_at DESC, id DESC);
CREATE INDEX content_assets_status_idx ON content_assets ((doc->>'status'), created_at DESC, id DESC);
CREATE INDEX content_assets_kind_idx ON content_assets ((doc->>'kind'), created_at DESC, id DESC);
CREATE INDEX content_assets_channel_language_idx
  ON content_assets ((doc->>'channel'), (doc->>'language'), created_at DESC, id DESC);

CREATE TABLE content_packages (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX content_packages_page_idx ON content_packages (created_at DESC, id DESC);
CREATE INDEX content_packages_brief_idx ON content_packages ((doc->>'briefId'), created_at DESC, id DESC);
CREATE INDEX content_packages_channels_idx ON content_packages USING gin ((doc->'channels'));
CREATE INDEX content_packages_languages_idx ON content_packages USING gin ((doc->'languages'));
`;

const TABLES = ['content_briefs', 'content_assets', 'content_packages'];

/**
 * Every document belongs to a tenant (those written before tenancy to \`default\`); the tenant is a
 * column beside the document, first in every list index, and row-level security is forced.
 */
const TENANTS = `${TABLES.map((table) => `ALTER TABLE ${table} ADD CONSTRAINT ${table}_tenant_id_key UNIQUE (tenant_id, id);`).join('\n')}

DROP INDEX content_briefs_page_idx;
DROP INDEX content_briefs_status_idx;
DROP INDEX content_briefs_tone_idx;
DROP INDEX content_briefs_account_idx;
CREATE INDEX content_briefs_page_idx ON content_briefs (tenant_id, created_at DESC, id DESC);
CREATE INDEX content_briefs_status_idx
  ON content_briefs (tenant_id, (doc->>'status'), created_at DESC, id DESC);
CREATE INDEX content_briefs_tone_idx ON content_briefs (tenant_id, (doc->>'tone'), created_at DESC, id DESC);
CREATE INDEX content_briefs_account_idx
  ON content_briefs (tenant_id, (doc->>'accountId'), created_at DESC, id DESC);

DROP INDEX content_assets_page_idx;
DROP INDEX content_assets_brief_idx;
DROP INDEX content_assets_status_idx;
DROP INDEX content_assets_kind_idx;
DROP INDEX content_assets_channel_language_idx;
CREATE INDEX content_assets_page_idx ON content_assets (tenant_id, created_at DESC, id DESC);
CREATE INDEX content_assets_brief_idx
  ON content_assets (tenant_id, (doc->>'briefId'), created_at DESC, id DESC);
CREATE INDEX content_assets_status_idx
  ON content_assets (tenant_id, (doc->>'status'), created_at DESC, id DESC);
CREATE INDEX content_assets_kind_idx ON content_assets (tenant_id, (doc->>'kind'), created_at DESC, id DESC);
CREATE INDEX content_assets_channel_language_idx
  ON content_assets (tenant_id, (doc->>'channel'), (doc->>'language'), created_at DESC, id DESC);

DROP INDEX content_packages_page_idx;
DROP INDEX content_packages_brief_idx;
CREATE INDEX content_packages_page_idx ON content_packages (tenant_id, created_at DESC, id DESC);
CREATE INDEX content_packages_brief_idx
  ON content_packages (tenant_id, (doc->>'briefId'), created_at DESC, id DESC);
`;

/**
 * The PostgreSQL JSONB store: one table per collection, the document in `doc`, the sort key in
 * columns, and expression indexes on the fields the list endpoints filter by.
 */
export const contentMigrations: Migration[] = [
  { version: 1, name: 'content-documents', statements: sqlStatements(CONTENT_DOCUMENTS) },
  {
    version: 2,
    name: 'tenants',
    statements: [
      ...TABLES.flatMap(addTenantColumnStatements),
      ...sqlStatements(TENANTS),
      ...TABLES.flatMap(rowLevelSecurityStatements),
    ],
  },
  { version: 3, name: 'idempotency-keys', statements: idempotencyTableStatements('postgres') },
];
