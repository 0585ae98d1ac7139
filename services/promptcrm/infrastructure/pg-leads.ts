import type pg from 'pg';
import { UnprocessableError } from '../../kit/domain-errors.js';
import { inTenantPgTransaction, isoFromPgTimestamp, PG_TEXT } from '../../kit/index.js';
import { type CursorPosition, type Page, toPage } from '../application/pagination.js';
import type { LeadFilter, LeadRepository, ListQuery } from '../application/ports.js';
import type { Lead, LeadSource, LeadStatus } from '../domain/lead.js';
import type { LeadEvent, LeadEventData, LeadEventType } from '../domain/lead-event.js';
import type { LeadType, PurchasePotential } from '../domain/segmentation.js';
import {
  type EntityTable,
  FOREIGN_KEY_VIOLATION,
  findInTenant,
  listInTenant,
  pgErrorOf,
  tenantRead,
} from './sql.js';

/** A lead's row as text (`PG_TEXT`, see `EntityTable`). */
interface LeadRow {
  id: string;
  contact_id: string;
  account_id: string | null;
  title: string;
  source: LeadSource;
  status: LeadStatus;
  lead_type: LeadType;
  industry: string;
  purchase_potential: PurchasePotential;
  region: string;
  created_at: string;
  updated_at: string;
}

interface LeadEventRow {
  seq: string;
  id: string;
  lead_id: string;
  type: LeadEventType;
  occurred_at: Date;
  recorded_at: Date;
  actor: string | null;
  data: Record<string, unknown>;
}

function toLead(row: LeadRow): Lead {
  return {
    id: row.id,
    contactId: row.contact_id,
    accountId: row.account_id,
    title: row.title,
    source: row.source,
    status: row.status,
    segment: {
      type: row.lead_type,
      industry: row.industry,
      purchasePotential: row.purchase_potential,
      region: row.region,
    },
    createdAt: isoFromPgTimestamp(row.created_at),
    updatedAt: isoFromPgTimestamp(row.updated_at),
  };
}

function toEvent(row: LeadEventRow): LeadEvent {
  return {
    id: row.id,
    leadId: row.lead_id,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actor: row.actor,
    data: { ...row.data, type: row.type } as LeadEventData,
  };
}

const LEADS: EntityTable<LeadRow, Lead> = {
  table: 'leads',
  filterColumns: {
    status: 'status',
    source: 'source',
    type: 'lead_type',
    industry: 'industry',
    purchasePotential: 'purchase_potential',
    region: 'region',
    contactId: 'contact_id',
    accountId: 'account_id',
  },
  toEntity: toLead,
};

async function insertEvent(client: pg.PoolClient, tenantId: string, event: LeadEvent): Promise<void> {
  const { type, ...data } = event.data;
  await client.query(
    `INSERT INTO lead_events (tenant_id, id, lead_id, type, occurred_at, recorded_at, actor, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      tenantId,
      event.id,
      event.leadId,
      type,
      event.occurredAt,
      event.recordedAt,
      event.actor,
      JSON.stringify(data),
    ],
  );
}

export class PgLeadRepository implements LeadRepository {
  constructor(private readonly pool: pg.Pool) {}

  async insert(tenantId: string, lead: Lead, created: LeadEvent): Promise<void> {
    try {
      await inTenantPgTransaction(this.pool, tenantId, async (client) => {
        await client.query(
          `INSERT INTO leads (tenant_id, id, contact_id, account_id, title, source, status, lead_type,
                              industry, purchase_potential, region, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            tenantId,
            lead.id,
            lead.contactId,
            lead.accountId,
            lead.title,
            lead.source,
            lead.status,
            lead.segment.type,
            lead.segment.industry,
            lead.segment.purchasePotential,
            lead.segment.region,
            lead.createdAt,
            lead.updatedAt,
          ],
        );
        await insertEvent(client, tenantId, created);
      });
    } catch (error) {
      const { code, constraint } = pgErrorOf(error);
      if (code === FOREIGN_KEY_VIOLATION && constraint === 'leads_contact_fk') {
        throw new UnprocessableError('contactId', `contact ${lead.contactId} does not exist`);
      }
      if (code === FOREIGN_KEY_VIOLATION && constraint === 'leads_account_fk') {
        throw new UnprocessableError('accountId', `account ${lead.accountId} does not exist`);
      }
      throw error;
    }
  }

  findById(tenantId: string, id: string): Promise<Lead | null> {
    return findInTenant(this.pool, LEADS, tenantId, id);
  }

  list(tenantId: string, query: ListQuery<LeadFilter>): Promise<Page<Lead>> {
    return listInTenant(this.pool, LEADS, tenantId, query);
  }

  changeStatus(
    tenantId: string,
    id: string,
    decide: (lead: Lead) => LeadEvent & { data: { type: 'status-changed' } },
  ): Promise<Lead | null> {
    return inTenantPgTransaction(this.pool, tenantId, async (client) => {
      const { rows } = await client.query<LeadRow>({
        types: PG_TEXT,
        text: 'SELECT * FROM leads WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
        values: [tenantId, id],
      });
      if (!rows[0]) return null;
      const event = decide(toLead(rows[0]));
      const updated = await client.query<LeadRow>({
        types: PG_TEXT,
        text: 'UPDATE leads SET status = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 RETURNING *',
        values: [tenantId, id, event.data.to, event.recordedAt],
      });
      await insertEvent(client, tenantId, event);
      return toLead(updated.rows[0]!);
    });
  }

  async appendEvent(tenantId: string, event: LeadEvent): Promise<boolean> {
    try {
      await inTenantPgTransaction(this.pool, tenantId, (client) => insertEvent(client, tenantId, event));
      return true;
    } catch (error) {
      if (pgErrorOf(error).code === FOREIGN_KEY_VIOLATION) return false;
      throw error;
    }
  }

  async timeline(
    tenantId: string,
    leadId: string,
    limit: number,
    after?: CursorPosition,
  ): Promise<Page<LeadEvent>> {
    const values: unknown[] = [tenantId, leadId, limit + 1];
    let keyset = '';
    if (after) {
      values.push(after.at, after.key);
      keyset = 'AND (occurred_at, seq) > ($4, $5)';
    }
    const rows = await tenantRead<LeadEventRow>(
      this.pool,
      tenantId,
      `SELECT * FROM lead_events WHERE tenant_id = $1 AND lead_id = $2 ${keyset}
       ORDER BY occurred_at, seq LIMIT $3`,
      values,
    );
    const page = toPage(rows, limit, (row) => ({ at: row.occurred_at, key: row.seq }));
    return { items: page.items.map(toEvent), nextCursor: page.nextCursor };
  }
}
