import type pg from 'pg';
import { UnprocessableError } from '../../kit/domain-errors.js';
import { isoFromPgTimestamp } from '../../kit/index.js';
import type { Page } from '../application/pagination.js';
import type { AccountFilter, AccountRepository, ListQuery } from '../application/ports.js';
import type { Account, AccountType } from '../domain/account.js';
import {
  type EntityTable,
  FOREIGN_KEY_VIOLATION,
  findInTenant,
  listInTenant,
  pgErrorOf,
  tenantRows,
} from './sql.js';

/** An account's row as text (`PG_TEXT`, see `EntityTable`). */
interface AccountRow {
  id: string;
  organisation_id: string | null;
  name: string;
  type: AccountType;
  industry: string;
  region: string;
  created_at: string;
  updated_at: string;
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    type: row.type,
    industry: row.industry,
    region: row.region,
    createdAt: isoFromPgTimestamp(row.created_at),
    updatedAt: isoFromPgTimestamp(row.updated_at),
  };
}

const ACCOUNTS: EntityTable<AccountRow, Account> = {
  table: 'accounts',
  filterColumns: { type: 'type', industry: 'industry', region: 'region', organisationId: 'organisation_id' },
  toEntity: toAccount,
};

export class PgAccountRepository implements AccountRepository {
  constructor(private readonly pool: pg.Pool) {}

  async insert(tenantId: string, a: Account): Promise<void> {
    try {
      await tenantRows(
        this.pool,
        tenantId,
        `INSERT INTO accounts (tenant_id, id, organisation_id, name, type, industry, region, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [tenantId, a.id, a.organisationId, a.name, a.type, a.industry, a.region, a.createdAt, a.updatedAt],
      );
    } catch (error) {
      if (pgErrorOf(error).code === FOREIGN_KEY_VIOLATION) {
        throw new UnprocessableError('organisationId', `organisation ${a.organisationId} does not exist`);
      }
      throw error;
    }
  }

  findById(tenantId: string, id: string): Promise<Account | null> {
    return findInTenant(this.pool, ACCOUNTS, tenantId, id);
  }

  list(tenantId: string, query: ListQuery<AccountFilter>): Promise<Page<Account>> {
    return listInTenant(this.pool, ACCOUNTS, tenantId, query);
  }
}
