import type { Pool, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { ConflictError } from '../../kit/index.js';
import type { PageRequest, SubscriptionRepository } from '../application/ports.js';
import type { Subscription, SubscriptionStatus } from '../domain/subscription.js';
import { isDuplicateKey, iso, isoOrNull, whereClause } from './mysql-rows.js';

interface SubscriptionRow extends RowDataPacket {
  id: string;
  account_id: string;
  plan_id: string;
  status: SubscriptionStatus;
  started_at: Date;
  cancelled_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, account_id, plan_id, status, started_at, cancelled_at, created_at';

const toSubscription = (row: SubscriptionRow): Subscription => ({
  id: row.id,
  accountId: row.account_id,
  planId: row.plan_id,
  status: row.status,
  startedAt: iso(row.started_at),
  cancelledAt: isoOrNull(row.cancelled_at),
  createdAt: iso(row.created_at),
});

/** Every statement filters by `tenant_id` (MySQL has no row-level security to do it for us). */
export class MysqlSubscriptionRepository implements SubscriptionRepository {
  constructor(private readonly pool: Pool) {}

  async create(tenantId: string, subscription: Subscription): Promise<Subscription> {
    try {
      await this.pool.query(
        `INSERT INTO subscriptions (tenant_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          tenantId,
          subscription.id,
          subscription.accountId,
          subscription.planId,
          subscription.status,
          new Date(subscription.startedAt),
          subscription.cancelledAt ? new Date(subscription.cancelledAt) : null,
          new Date(subscription.createdAt),
        ],
      );
    } catch (error) {
      if (isDuplicateKey(error))
        throw new ConflictError(`account ${subscription.accountId} already has an open subscription`);
      throw error;
    }
    return (await this.get(tenantId, subscription.id))!;
  }

  async get(tenantId: string, id: string): Promise<Subscription | undefined> {
    const [rows] = await this.pool.query<SubscriptionRow[]>(
      `SELECT ${COLUMNS} FROM subscriptions WHERE tenant_id = ? AND id = ?`,
      [tenantId, id],
    );
    return rows[0] ? toSubscription(rows[0]) : undefined;
  }

  async openForAccount(tenantId: string, accountId: string): Promise<Subscription | undefined> {
    const [rows] = await this.pool.query<SubscriptionRow[]>(
      `SELECT ${COLUMNS} FROM subscriptions WHERE tenant_id = ? AND open_account_id = ?`,
      [tenantId, accountId],
    );
    return rows[0] ? toSubscription(rows[0]) : undefined;
  }

  async cancel(tenantId: string, id: string, at: Date): Promise<Subscription | undefined> {
    const [result] = await this.pool.query<ResultSetHeader>(
      `UPDATE subscriptions SET status = 'cancelled', cancelled_at = ?
       WHERE tenant_id = ? AND id = ? AND status IN ('pending', 'active')`,
      [at, tenantId, id],
    );
    if (result.affectedRows === 0) return undefined;
    return this.get(tenantId, id);
  }

  async list(
    tenantId: string,
    filter: { planId?: string; status?: SubscriptionStatus } & PageRequest,
  ): Promise<Subscription[]> {
    const where = whereClause(
      { tenant_id: tenantId, plan_id: filter.planId, status: filter.status },
      filter.after,
    );
    const [rows] = await this.pool.query<SubscriptionRow[]>(
      `SELECT ${COLUMNS} FROM subscriptions ${where.sql} ORDER BY created_at DESC, id DESC LIMIT ?`,
      [...where.params, filter.limit],
    );
    return rows.map(toSubscription);
  }
}
