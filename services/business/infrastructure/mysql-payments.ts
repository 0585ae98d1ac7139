import type { Pool, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { inMysqlTransaction } from '../../kit/index.js';
import type { PageRequest, PaymentRepository } from '../application/ports.js';
import type { Payment, PaymentStatus, PaymentTransition } from '../domain/payment.js';
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

export class MysqlPaymentRepository implements PaymentRepository {
  constructor(private readonly pool: Pool) {}

  async create(payment: Payment): Promise<Payment> {
    await inMysqlTransaction(this.pool, async (connection) => {
      await connection.query(`INSERT INTO payments (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
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
      ]);
      for (const transition of payment.transitions) {
        await connection.query(
          'INSERT INTO payment_transitions (payment_id, from_status, to_status, reason, provider_reference, at) VALUES (?, ?, ?, ?, ?, ?)',
          [
            payment.id,
            transition.from,
            transition.to,
            transition.reason,
            transition.providerReference,
            new Date(transition.at),
          ],
        );
      }
    });
    return (await this.get(payment.id))!;
  }

  async get(id: string): Promise<Payment | undefined> {
    const [rows] = await this.pool.query<PaymentRow[]>(`SELECT ${COLUMNS} FROM payments WHERE id = ?`, [id]);
    const row = rows[0];
    if (!row) return undefined;
    return (await this.withTransitions([row]))[0];
  }

  async transition(
    id: string,
    move: {
      from: PaymentStatus;
      to: PaymentStatus;
      reason: string;
      providerReference: string | null;
      at: Date;
    },
  ): Promise<Payment | undefined> {
    const moved = await inMysqlTransaction(this.pool, async (connection) => {
      const [result] = await connection.query<ResultSetHeader>(
        'UPDATE payments SET status = ?, updated_at = ? WHERE id = ? AND status = ?',
        [move.to, move.at, id, move.from],
      );
      if (result.affectedRows === 0) return false;
      await connection.query(
        'INSERT INTO payment_transitions (payment_id, from_status, to_status, reason, provider_reference, at) VALUES (?, ?, ?, ?, ?, ?)',
        [id, move.from, move.to, move.reason, move.providerReference, move.at],
      );
    });
    return moved ? this.get(id) : undefined;
  }

  async list(
    filter: { accountId?: string; subscriptionId?: string; status?: PaymentStatus } & PageRequest,
  ): Promise<Payment[]> {
    const where = whereClause(
      { account_id: filter.accountId, subscription_id: filter.subscriptionId, status: filter.status },
      filter.after,
    );
    const [rows] = await this.pool.query<PaymentRow[]>(
      `SELECT ${COLUMNS} FROM payments ${where.sql} ORDER BY created_at DESC, id DESC LIMIT ?`,
      [...where.params, filter.limit],
    );
    return this.withTransitions(rows);
  }

  private async withTransitions(rows: PaymentRow[]): Promise<Payment[]> {
    if (rows.length === 0) return [];
    const [transitions] = await this.pool.query<TransitionRow[]>(
      'SELECT payment_id, from_status, to_status, reason, provider_reference, at FROM payment_transitions WHERE payment_id IN (?) ORDER BY id',
      [rows.map((row) => row.id)],
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
