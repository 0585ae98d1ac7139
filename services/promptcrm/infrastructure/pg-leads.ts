import type pg from 'pg';
import { UnprocessableError } from '../../kit/domain-errors.js';
import { inPgTransaction } from '../../kit/index.js';
import { type CursorPosition, type Page, toPage } from '../application/pagination.js';
import type { LeadFilter, LeadRepository, ListQuery } from '../application/ports.js';
import type { Lead, LeadSource, LeadStatus } from '../domain/lead.js';
import type { LeadEvent, LeadEventData, LeadEventType } from '../domain/lead-event.js';
import type { LeadType, PurchasePotential } from '../domain/segmentation.js';
import { FOREIGN_KEY_VIOLATION, listWhere, pageByCreation, pgErrorOf } from './sql.js';

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
  created_at: Date;
  updated_at: Date;
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

const FILTER_COLUMNS = {
  status: 'status',
  source: 'source',
  type: 'lead_type',
  industry: 'industry',
  purchasePotential: 'purchase_potential',
  region: 'region',
  contactId: 'contact_id',
  accountId: 'account_id',
};

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
    createdAt: row.created_at,
    updatedAt: row.updated_at,
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

async function insertEvent(client: pg.PoolClient | pg.Pool, event: LeadEvent): Promise<void> {
  const { type, ...data } = event.data;
  await client.query(
    `INSERT INTO lead_events (id, lead_id, type, occurred_at, recorded_at, actor, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [event.id, event.leadId, type, event.occurredAt, event.recordedAt, event.actor, JSON.stringify(data)],
  );
}

export class PgLeadRepository implements LeadRepository {
  constructor(private readonly pool: pg.Pool) {}

  async insert(lead: Lead, created: LeadEvent): Promise<void> {
    try {
      await inPgTransaction(this.pool, async (client) => {
        await client.query(
          `INSERT INTO leads (id, contact_id, account_id, title, source, status, lead_type, industry,
                              purchase_potential, region, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
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
        await insertEvent(client, created);
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

  async findById(id: string): Promise<Lead | null> {
    const { rows } = await this.pool.query<LeadRow>('SELECT * FROM leads WHERE id = $1', [id]);
    return rows[0] ? toLead(rows[0]) : null;
  }

  async list(query: ListQuery<LeadFilter>): Promise<Page<Lead>> {
    const where = listWhere(FILTER_COLUMNS, query.filter, query.after);
    const page = pageByCreation(query.limit + 1, where.values);
    const { rows } = await this.pool.query<LeadRow>(
      `SELECT * FROM leads ${where.clause} ${page.clause}`,
      page.values,
    );
    return toPage(rows.map(toLead), query.limit, (l) => ({ at: l.createdAt, key: l.id }));
  }

  changeStatus(
    id: string,
    decide: (lead: Lead) => LeadEvent & { data: { type: 'status-changed' } },
  ): Promise<Lead | null> {
    return inPgTransaction(this.pool, async (client) => {
      const { rows } = await client.query<LeadRow>('SELECT * FROM leads WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0]) return null;
      const event = decide(toLead(rows[0]));
      const updated = await client.query<LeadRow>(
        'UPDATE leads SET status = $2, updated_at = $3 WHERE id = $1 RETURNING *',
        [id, event.data.to, event.recordedAt],
      );
      await insertEvent(client, event);
      return toLead(updated.rows[0]!);
    });
  }

  async appendEvent(event: LeadEvent): Promise<boolean> {
    try {
      await insertEvent(this.pool, event);
      return true;
    } catch (error) {
      if (pgErrorOf(error).code === FOREIGN_KEY_VIOLATION) return false;
      throw error;
    }
  }

  async timeline(leadId: string, limit: number, after?: CursorPosition): Promise<Page<LeadEvent>> {
    const values: unknown[] = [leadId, limit + 1];
    let keyset = '';
    if (after) {
      values.push(after.at, after.key);
      keyset = 'AND (occurred_at, seq) > ($3, $4)';
    }
    const { rows } = await this.pool.query<LeadEventRow>(
      `SELECT * FROM lead_events WHERE lead_id = $1 ${keyset} ORDER BY occurred_at, seq LIMIT $2`,
      values,
    );
    const page = toPage(rows, limit, (row) => ({ at: row.occurred_at, key: row.seq }));
    return { items: page.items.map(toEvent), nextCursor: page.nextCursor };
  }
}
