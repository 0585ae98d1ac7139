import type pg from 'pg';
import { UnprocessableError } from '../../kit/domain-errors.js';
import { type Page, toPage } from '../application/pagination.js';
import type { AccountFilter, AccountRepository, ListQuery } from '../application/ports.js';
import type { Account, AccountType } from '../domain/account.js';
import { FOREIGN_KEY_VIOLATION, listWhere, pageByCreation, pgErrorOf } from './sql.js';

interface AccountRow {
  id: string;
  organisation_id: string | null;
  name: string;
  type: AccountType;
  industry: string;
  region: string;
  created_at: Date;
  updated_at: Date;
}

const FILTER_COLUMNS = {
  type: 'type',
  industry: 'industry',
  region: 'region',
  organisationId: 'organisation_id',
};

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    type: row.type,
    industry: row.industry,
    region: row.region,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class PgAccountRepository implements AccountRepository {
  constructor(private readonly pool: pg.Pool) {}

  async insert(a: Account): Promise<void> {
    try {
      await this.pool.query(
        `INSERT INTO accounts (id, organisation_id, name, type, industry, region, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [a.id, a.organisationId, a.name, a.type, a.industry, a.region, a.createdAt, a.updatedAt],
      );
    } catch (error) {
      if (pgErrorOf(error).code === FOREIGN_KEY_VIOLATION) {
        throw new UnprocessableError('organisationId', `organisation ${a.organisationId} does not exist`);
      }
      throw error;
    }
  }

  async findById(id: string): Promise<Account | null> {
    const { rows } = await this.pool.query<AccountRow>('SELECT * FROM accounts WHERE id = $1', [id]);
    return rows[0] ? toAccount(rows[0]) : null;
  }

  async list(query: ListQuery<AccountFilter>): Promise<Page<Account>> {
    const where = listWhere(FILTER_COLUMNS, query.filter, query.after);
    const page = pageByCreation(query.limit + 1, where.values);
    const { rows } = await this.pool.query<AccountRow>(
      `SELECT * FROM accounts ${where.clause} ${page.clause}`,
      page.values,
    );
    return toPage(rows.map(toAccount), query.limit, (a) => ({ at: a.createdAt, key: a.id }));
  }
}
