import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import type {
  LockedSubscription,
  PageRequest,
  PaymentMove,
  PaymentRepository,
  ProviderEvent,
  ProviderEventOutcome,
  SubscriptionOrders,
  UnsettledPayment,
} from '../application/ports.js';
import { ENDED_UNPAID, type Payment, type PaymentStatus, type PaymentTransition } from '../domain/payment.js';
import type { SubscriptionStatus } from '../domain/subscription.js';
import { isDuplicateKey, iso, whereClause } from './mysql-rows.js';

interface PaymentRow extends RowDataPacket {
  id: string;
  subscription_id: string;
  account_id: string;
  amount_cents: number;
  currency: string;
  status: PaymentStatus;
  provider: string;
  provider_order_id: string;
  billing_period: string | null;
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
  'id, subscription_id, account_id, amount_cents, currency, status, provider, provider_order_id, billing_period, created_at, updated_at';

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
  billingPeriod: row.billing_period,
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
    open: (subscription: LockedSubscription | undefined, orders: SubscriptionOrders) => Promise<Payment>,
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
      const endedUnpaidIn = async (period: string) => {
        const [ended] = await connection.query<Array<{ n: number } & RowDataPacket>>(
          'SELECT COUNT(*) AS n FROM payments WHERE tenant_id = ? AND subscription_id = ? AND billing_period = ? AND status IN (?)',
          [tenantId, subscriptionId, period, ENDED_UNPAID],
        );
        return Number(ended[0]?.n ?? 0);
      };
      const payment = await open(
        row && { status: row.status, planId: row.plan_id, accountId: row.account_id },
        { open: Number(counted[0]?.n ?? 0), endedUnpaidIn },
      );
      await connection.query(
        `INSERT INTO payments (tenant_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
          payment.billingPeriod,
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
    decide: (payment: Payment) => Promise<PaymentMove | null>,
    at: () => Date,
  ): Promise<Payment | undefined> {
    return lockingTransaction(this.pool, async (connection) => {
      const payment = await this.read(connection, tenantId, id, 'FOR UPDATE');
      if (!payment) return undefined;
      const move = await decide(payment);
      if (!move) return payment;
      await this.record(connection, tenantId, payment, move, at());
      return this.read(connection, tenantId, id, '');
    });
  }

  applyProviderEvent(
    event: ProviderEvent,
    decide: (payment: Payment) => PaymentMove | null,
    at: Date,
  ): Promise<ProviderEventOutcome> {
    return lockingTransaction(this.pool, async (connection) => {
      const found = await this.findByProviderIds(connection, event);
      if (!found) return { outcome: 'unknown-order' };
      const { tenantId, id } = found;
      const payment = (await this.read(connection, tenantId, id, 'FOR UPDATE'))!;
      const move = decide(payment);
      try {
        await connection.query(
          'INSERT INTO provider_events (provider, event_id, tenant_id, event_type, payment_id, outcome, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [event.provider, event.eventId, tenantId, event.eventType, id, move ? 'applied' : 'unchanged', at],
        );
      } catch (error) {
        if (isDuplicateKey(error)) return { outcome: 'replayed', tenantId, paymentId: id };
        throw error;
      }
      if (!move) return { outcome: 'unchanged', tenantId, payment };
      await this.record(connection, tenantId, payment, move, at);
      return { outcome: 'applied', tenantId, payment: (await this.read(connection, tenantId, id, ''))! };
    });
  }

  async unsettled(provider: string, before: Date, limit: number): Promise<UnsettledPayment[]> {
    const [rows] = await this.pool.query<
      Array<{ tenant_id: string; id: string; provider_order_id: string } & RowDataPacket>
    >(
      `SELECT tenant_id, id, provider_order_id FROM payments
       WHERE provider = ? AND status = 'created' AND updated_at < ? ORDER BY updated_at, id LIMIT ?`,
      [provider, before, limit],
    );
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      id: row.id,
      providerOrderId: row.provider_order_id,
    }));
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

  /** The tenant and id of the payment a provider event is about: from our rows, never the event. */
  private async findByProviderIds(
    connection: Queryable,
    event: ProviderEvent,
  ): Promise<{ tenantId: string; id: string } | undefined> {
    const lookups: Array<[string, string | undefined]> = [
      ['provider_order_id', event.orderId],
      ['provider_capture_id', event.captureId],
    ];
    for (const [column, value] of lookups) {
      if (!value) continue;
      const [rows] = await connection.query<Array<{ tenant_id: string; id: string } & RowDataPacket>>(
        `SELECT tenant_id, id FROM payments WHERE provider = ? AND ${column} = ?`,
        [event.provider, value],
      );
      if (rows[0]) return { tenantId: rows[0].tenant_id, id: rows[0].id };
    }
    return undefined;
  }

  /** Writes a move: the payment's status (and capture id), its transition, the subscription's activation. */
  private async record(
    connection: PoolConnection,
    tenantId: string,
    payment: Payment,
    move: PaymentMove,
    at: Date,
  ): Promise<void> {
    await connection.query(
      `UPDATE payments SET status = ?, updated_at = ?, provider_capture_id = IF(? = 'captured', ?, provider_capture_id)
       WHERE tenant_id = ? AND id = ?`,
      [move.to, at, move.to, move.providerReference, tenantId, payment.id],
    );
    await this.recordTransition(connection, tenantId, payment.id, payment.status, move, at);
    if (move.activatesSubscription) {
      await connection.query(
        `UPDATE subscriptions SET status = 'active' WHERE tenant_id = ? AND id = ? AND status = 'pending'`,
        [tenantId, payment.subscriptionId],
      );
    }
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
