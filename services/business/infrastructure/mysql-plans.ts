import type { Pool, RowDataPacket } from 'mysql2/promise';
import { conflict, inMysqlTransaction } from '../../kit/index.js';
import type { NewPlan, PlanChanges, PlanRepository } from '../application/ports.js';
import type { BillingPeriod, Plan } from '../domain/plan.js';
import { isDuplicateKey, isoFromMysqlDatetime } from './mysql-rows.js';

/** A plan's row, its datetimes read as text (`dateStrings: true`). */
interface PlanRow extends RowDataPacket {
  id: string;
  name: string;
  price_cents: number;
  currency: string;
  billing_period: BillingPeriod;
  active: number;
  created_at: string;
  updated_at: string;
  features: string | null;
}

const SELECT = `SELECT p.id, p.name, p.price_cents, p.currency, p.billing_period, p.active, p.created_at, p.updated_at,
  (SELECT GROUP_CONCAT(f.feature ORDER BY f.feature SEPARATOR ' ') FROM plan_features f WHERE f.plan_id = p.id) AS features
  FROM plans p`;

const toPlan = (row: PlanRow): Plan => ({
  id: row.id,
  name: row.name,
  priceCents: row.price_cents,
  currency: row.currency,
  billingPeriod: row.billing_period,
  features: row.features ? row.features.split(' ') : [],
  active: row.active === 1,
  createdAt: isoFromMysqlDatetime(row.created_at),
  updatedAt: isoFromMysqlDatetime(row.updated_at),
});

export class MysqlPlanRepository implements PlanRepository {
  constructor(private readonly pool: Pool) {}

  async create(plan: NewPlan, at: Date): Promise<Plan> {
    try {
      await inMysqlTransaction(this.pool, async (connection) => {
        await connection.query(
          'INSERT INTO plans (id, name, price_cents, currency, billing_period, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [plan.id, plan.name, plan.priceCents, plan.currency, plan.billingPeriod, plan.active, at, at],
        );
        // A new plan has no features to delete: a DELETE would only take gap locks that deadlock
        // concurrent creations.
        await this.insertFeatures(connection, plan.id, plan.features);
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict(`plan ${plan.id} already exists`);
      throw error;
    }
    return (await this.get(plan.id))!;
  }

  async get(id: string): Promise<Plan | undefined> {
    const [rows] = await this.pool.query<PlanRow[]>({
      sql: `${SELECT} WHERE p.id = ?`,
      values: [id],
      dateStrings: true,
    });
    return rows[0] ? toPlan(rows[0]) : undefined;
  }

  async update(id: string, changes: PlanChanges, at: Date): Promise<Plan | undefined> {
    const columns: Record<string, unknown> = {
      name: changes.name,
      price_cents: changes.priceCents,
      currency: changes.currency,
      billing_period: changes.billingPeriod,
      active: changes.active,
    };
    const set = Object.entries(columns).filter(([, value]) => value !== undefined);
    const updated = await inMysqlTransaction(this.pool, async (connection) => {
      const [result] = await connection.query<import('mysql2').ResultSetHeader>(
        `UPDATE plans SET ${[...set.map(([column]) => `${column} = ?`), 'updated_at = ?'].join(', ')} WHERE id = ?`,
        [...set.map(([, value]) => value), at, id],
      );
      if (result.affectedRows === 0) return false;
      if (changes.features) await this.replaceFeatures(connection, id, changes.features);
    });
    return updated ? this.get(id) : undefined;
  }

  async list(filter: {
    active?: boolean;
    limit: number;
    after?: { sortKey: string; id: string };
  }): Promise<Plan[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.active !== undefined) {
      conditions.push('p.active = ?');
      params.push(filter.active);
    }
    if (filter.after) {
      conditions.push('p.id > ?');
      params.push(filter.after.id);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [rows] = await this.pool.query<PlanRow[]>({
      sql: `${SELECT} ${where} ORDER BY p.id LIMIT ?`,
      values: [...params, filter.limit],
      dateStrings: true,
    });
    return rows.map(toPlan);
  }

  private async replaceFeatures(
    connection: import('mysql2/promise').PoolConnection,
    planId: string,
    features: string[],
  ): Promise<void> {
    await connection.query('DELETE FROM plan_features WHERE plan_id = ?', [planId]);
    await this.insertFeatures(connection, planId, features);
  }

  private async insertFeatures(
    connection: import('mysql2/promise').PoolConnection,
    planId: string,
    features: string[],
  ): Promise<void> {
    if (features.length === 0) return;
    await connection.query('INSERT INTO plan_features (plan_id, feature) VALUES ?', [
      [...new Set(features)].map((feature) => [planId, feature]),
    ]);
  }
}
