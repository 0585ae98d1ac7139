import type pg from 'pg';
import { isoFromPgTimestamp } from '../../kit/index.js';
import type { Page } from '../application/pagination.js';
import type { ListQuery, OrganisationFilter, OrganisationRepository } from '../application/ports.js';
import type { Organisation } from '../domain/organisation.js';
import { type EntityTable, findInTenant, listInTenant, tenantRows } from './sql.js';

/** An organisation's row as text (`PG_TEXT`, see `EntityTable`). */
interface OrganisationRow {
  id: string;
  name: string;
  industry: string;
  region: string;
  website: string | null;
  created_at: string;
  updated_at: string;
}

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    industry: row.industry,
    region: row.region,
    website: row.website,
    createdAt: isoFromPgTimestamp(row.created_at),
    updatedAt: isoFromPgTimestamp(row.updated_at),
  };
}

const ORGANISATIONS: EntityTable<OrganisationRow, Organisation> = {
  table: 'organisations',
  filterColumns: { industry: 'industry', region: 'region' },
  toEntity: toOrganisation,
};

export class PgOrganisationRepository implements OrganisationRepository {
  constructor(private readonly pool: pg.Pool) {}

  async insert(tenantId: string, o: Organisation): Promise<void> {
    await tenantRows(
      this.pool,
      tenantId,
      `INSERT INTO organisations (tenant_id, id, name, industry, region, website, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [tenantId, o.id, o.name, o.industry, o.region, o.website, o.createdAt, o.updatedAt],
    );
  }

  findById(tenantId: string, id: string): Promise<Organisation | null> {
    return findInTenant(this.pool, ORGANISATIONS, tenantId, id);
  }

  list(tenantId: string, query: ListQuery<OrganisationFilter>): Promise<Page<Organisation>> {
    return listInTenant(this.pool, ORGANISATIONS, tenantId, query);
  }
}
