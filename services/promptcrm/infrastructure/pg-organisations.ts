import type pg from 'pg';
import { type Page, toPage } from '../application/pagination.js';
import type { ListQuery, OrganisationFilter, OrganisationRepository } from '../application/ports.js';
import type { Organisation } from '../domain/organisation.js';
import { listWhere, pageByCreation } from './sql.js';

interface OrganisationRow {
  id: string;
  name: string;
  industry: string;
  region: string;
  website: string | null;
  created_at: Date;
  updated_at: Date;
}

const FILTER_COLUMNS = { industry: 'industry', region: 'region' };

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    industry: row.industry,
    region: row.region,
    website: row.website,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class PgOrganisationRepository implements OrganisationRepository {
  constructor(private readonly pool: pg.Pool) {}

  async insert(o: Organisation): Promise<void> {
    await this.pool.query(
      `INSERT INTO organisations (id, name, industry, region, website, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [o.id, o.name, o.industry, o.region, o.website, o.createdAt, o.updatedAt],
    );
  }

  async findById(id: string): Promise<Organisation | null> {
    const { rows } = await this.pool.query<OrganisationRow>('SELECT * FROM organisations WHERE id = $1', [
      id,
    ]);
    return rows[0] ? toOrganisation(rows[0]) : null;
  }

  async list(query: ListQuery<OrganisationFilter>): Promise<Page<Organisation>> {
    const where = listWhere(FILTER_COLUMNS, query.filter, query.after);
    const page = pageByCreation(query.limit + 1, where.values);
    const { rows } = await this.pool.query<OrganisationRow>(
      `SELECT * FROM organisations ${where.clause} ${page.clause}`,
      page.values,
    );
    return toPage(rows.map(toOrganisation), query.limit, (o) => ({ at: o.createdAt, key: o.id }));
  }
}
