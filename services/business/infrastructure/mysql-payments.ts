import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import type { PageRequest, PaymentMove, PaymentRepository } from '../application/ports.js';
import type { Payment, PaymentStatus, PaymentTransition } from '../domain/payment.js';
import type { SubscriptionStatus } from '../domain/subscription.js';
import { iso, whereClause } from './mysql-rows.js';

interface PaymentRow extends RowDataPacket {
  id: string;
  subscription_id: string;
  account_id: string;
  amount_cents: number;
  currency: string;
  status: PaymentStatus;
  provider: string;
  provider_order_id: string;
  created_at: Date;
  updated_at: Date;
}

interface TransitionRow extends RowDataPacket {
  payment_id: string;
  from_status: PaymentStatus | null;
  to_status: PaymentStatus;
  reason: string;
  provider_reference: string | null;
  at: Date;
}

const COLUMNS =
  'id, subscription_id, account_id, amount_cents, currency, status, provider, provider_order_id, created_at, updated_at';

const toTransition = (row: TransitionRow): PaymentTransition => ({
  from: row.from_status,
  to: row.to_status,
  at: iso(row.at),
  reason: row.reason,
  providerReference: row.provider_reference,
});

const toPayment = (row: PaymentRow, transitions: PaymentTransition[]): Payment => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  accountId: row.account_id,
  amountCents: row.amount_cents,
  currency: row.currency,
  status: row.status,
  provider: row.provider,
  providerOrderId: row.provider_order_id,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  transitions,
});

type Queryable = Pool | PoolConnection;

/**
 * A transaction that holds row locks across a gateway call. Unlike `inMysqlTransaction` it never
 * re-runs `work` after a deadlock: `work` may already have moved money.
 */
async function lockingTransaction<T>(
  pool: Pool,
  work: (connection: PoolConnection) => Promise<T>,
): Promise<T> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    const result = await work(connection);
    await connection.commit();
    return result;
  } catch (error) {
    await connection.rollback().catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}

/** Every statement filters by `tenant_id` (MySQL has no row-level security to do it for us). */
export class MysqlPaymentRepository implements PaymentRepository {
  constructor(private readonly pool: Pool) {}

  createLocked(
    tenantId: string,
    subscriptionId: string,
    open: (
      subscription: { status: SubscriptionStatus; planId: string; accountId: string } | undefined,
      openOrders: number,
    ) => Promise<Payment>,
  ): Promise<Payment> {
    return lockingTransaction(this.pool, async (connection) => {
      const [subscriptions] = await connection.query<
        Array<{ status: SubscriptionStatus; plan_id: string; account_id: string } & RowDataPacket>
      >('SELECT status, plan_id, account_id FROM subscriptions WHERE tenant_id = ? AND id = ? FOR UPDATE', [
        tenantId,
        subscriptionId,
      ]);
      const row = subscriptions[0];
      const [counted] = await connection.query<Array<{ n: number } & RowDataPacket>>(
        `SELECT COUNT(*) AS n FROM payments WHERE tenant_id = ? AND subscription_id = ? AND status = 'created'`,
        [tenantId, subscriptionId],
      );
      const payment = await open(
        row && { status: row.status, planId: row.plan_id, accountId: row.account_id },
        Number(counted[0]?.n ?? 0),
      );
      await connection.query(
        `INSERT INTO payments (tenant_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          tenantId,
          payment.id,
          payment.subscriptionId,
          payment.accountId,
          payment.amountCents,
          payment.currency,
          payment.status,
          payment.provider,
          payment.providerOrderId,
          new Date(payment.createdAt),
          new Date(payment.updatedAt),
        ],
      );
      for (const transition of payment.transitions) {
        await this.recordTransition(
          connection,
          tenantId,
          payment.id,
          transition.from,
          {
            to: transition.to,
            reason: transition.reason,
            providerReference: transition.providerReference,
          },
          new Date(transition.at),
        );
      }
      return (await this.read(connection, tenantId, payment.id, ''))!;
    });
  }

  get(tenantId: string, id: string): Promise<Payment | undefined> {
    return this.read(this.pool, tenantId, id, '');
  }

  moveLocked(
    tenantId: string,
    id: string,
    decide: (payment: Payment) => Promise<PaymentMove>,
    at: () => Date,
  ): Promise<Payment | undefined> {
    return lockingTransaction(this.pool, async (connection) => {
      const payment = await this.read(connection, tenantId, id, 'FOR UPDATE');
      if (!payment) return undefined;
      const move = await decide(payment);
      const now = at();
      await connection.query(
        'UPDATE payments SET status = ?, updated_at = ? WHERE tenant_id = ? AND id = ?',
        [move.to, now, tenantId, id],
      );
      await this.recordTransition(connection, tenantId, id, payment.status, move, now);
      if (move.activatesSubscription) {
        await connection.query(
          `UPDATE subscriptions SET status = 'active' WHERE tenant_id = ? AND id = ? AND status = 'pending'`,
          [tenantId, payment.subscriptionId],
        );
      }
      return this.read(connection, tenantId, id, '');
    });
  }

  async list(
    tenantId: string,
    filter: { subscriptionId?: string; status?: PaymentStatus } & PageRequest,
  ): Promise<Payment[]> {
    const where = whereClause(
      { tenant_id: tenantId, subscription_id: filter.subscriptionId, status: filter.status },
      filter.after,
    );
    const [rows] = await this.pool.query<PaymentRow[]>(
      `SELECT ${COLUMNS} FROM payments ${where.sql} ORDER BY created_at DESC, id DESC LIMIT ?`,
      [...where.params, filter.limit],
    );
    return this.withTransitions(this.pool, tenantId, rows);
  }

  private async recordTransition(
    connection: Queryable,
    tenantId: string,
    paymentId: string,
    from: PaymentStatus | null,
    move: Pick<PaymentMove, 'to' | 'reason' | 'providerReference'>,
    at: Date,
  ): Promise<void> {
    await connection.query(
      'INSERT INTO payment_transitions (tenant_id, payment_id, from_status, to_status, reason, provider_reference, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [tenantId, paymentId, from, move.to, move.reason, move.providerReference, at],
    );
  }

  private async read(
    connection: Queryable,
    tenantId: string,
    id: string,
    lock: '' | 'FOR UPDATE',
  ): Promise<Payment | undefined> {
    const [rows] = await connection.query<PaymentRow[]>(
      `SELECT ${COLUMNS} FROM payments WHERE tenant_id = ? AND id = ? ${lock}`,
      [tenantId, id],
    );
    return (await this.withTransitions(connection, tenantId, rows))[0];
  }

  private async withTransitions(
    connection: Queryable,
    tenantId: string,
    rows: PaymentRow[],
  ): Promise<Payment[]> {
    if (rows.length === 0) return [];
    const [transitions] = await connection.query<TransitionRow[]>(
      'SELECT payment_id, from_status, to_status, reason, provider_reference, at FROM payment_transitions WHERE tenant_id = ? AND payment_id IN (?) ORDER BY id',
      [tenantId, rows.map((row) => row.id)],
    );
    const byPayment = new Map<string, PaymentTransition[]>();
    for (const transition of transitions) {
      const list = byPayment.get(transition.payment_id) ?? [];
      list.push(toTransition(transition));
      byPayment.set(transition.payment_id, list);
    }
    return rows.map((row) => toPayment(row, byPayment.get(row.id) ?? []));
  }
}
