import type pg from 'pg';
import {
  inTenantPgTransaction,
  isoFromPgTimestamp,
  PG_TEXT,
  readInTenantPg,
  textArrayFromPg,
} from '../../kit/index.js';
import type {
  AuditedChange,
  CampaignChanges,
  CampaignRepository,
  PageRequest,
} from '../application/ports.js';
import type { BiddingRule } from '../domain/bidding.js';
import type { Campaign, CampaignStatus } from '../domain/campaign.js';
import type { ComplianceEntry } from '../domain/compliance.js';
import type { Experiment } from '../domain/experiment.js';
import type { Audience } from '../domain/targeting.js';

type Row = Record<string, unknown>;

const iso = (value: unknown) => (value as Date).toISOString();

/**
 * A campaign's columns, read as text (`types: PG_TEXT`): the dates are `date` columns, which the ISO
 * date style writes as `YYYY-MM-DD`, the very text the API answers.
 */
const CAMPAIGN_COLUMNS = `id, account_id, name, objective, kpis, channels, formats, budget_amount_cents, budget_currency,
  budget_period, start_date, end_date, status, created_by, created_at, updated_at`;

type TextRow = Record<string, string>;

const toCampaign = (row: TextRow): Campaign => ({
  id: row.id!,
  accountId: row.account_id!,
  name: row.name!,
  objective: row.objective as Campaign['objective'],
  kpis: JSON.parse(row.kpis!) as Campaign['kpis'],
  channels: textArrayFromPg(row.channels!) as Campaign['channels'],
  formats: textArrayFromPg(row.formats!) as Campaign['formats'],
  budget: {
    amountCents: Number(row.budget_amount_cents),
    currency: row.budget_currency!,
    period: row.budget_period as Campaign['budget']['period'],
  },
  startDate: row.start_date!,
  endDate: row.end_date!,
  status: row.status as CampaignStatus,
  createdBy: row.created_by!,
  createdAt: isoFromPgTimestamp(row.created_at!),
  updatedAt: isoFromPgTimestamp(row.updated_at!),
});

const toAudience = (row: Row): Audience => ({
  id: row.id as string,
  campaignId: row.campaign_id as string,
  name: row.name as string,
  ageMin: row.age_min as number,
  ageMax: row.age_max as number,
  genders: row.genders as Audience['genders'],
  locations: row.locations as string[],
  interests: row.interests as string[],
  behaviours: row.behaviours as string[],
  createdAt: iso(row.created_at),
});

const toBiddingRule = (row: Row): BiddingRule => ({
  id: row.id as string,
  campaignId: row.campaign_id as string,
  channel: row.channel as BiddingRule['channel'],
  strategy: row.strategy as BiddingRule['strategy'],
  bidCapCents: row.bid_cap_cents === null ? null : Number(row.bid_cap_cents),
  dailyBudgetCents: Number(row.daily_budget_cents),
  createdAt: iso(row.created_at),
});

const toExperiment = (row: Row): Experiment => ({
  id: row.id as string,
  campaignId: row.campaign_id as string,
  name: row.name as string,
  hypothesis: row.hypothesis as string,
  metric: row.metric as string,
  status: row.status as Experiment['status'],
  variants: row.variants as Experiment['variants'],
  createdAt: iso(row.created_at),
});

const toComplianceEntry = (row: Row): ComplianceEntry => ({
  id: String(row.id),
  campaignId: row.campaign_id as string,
  actor: row.actor as string,
  action: row.action as string,
  changes: row.changes as Record<string, unknown>,
  requestId: row.request_id as string | null,
  at: iso(row.at),
});

/** Builds `WHERE` conditions; column names come from this module, values are always parameters. */
class Conditions {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(template: (placeholder: string) => string, value: unknown): this {
    if (value === undefined) return this;
    this.params.push(value);
    this.parts.push(template(`$${this.params.length}`));
    return this;
  }

  after(page: PageRequest): this {
    if (!page.after) return this;
    this.params.push(new Date(page.after.sortKey), page.after.id);
    const n = this.params.length;
    this.parts.push(`(created_at, id) < ($${n - 1}, $${n})`);
    return this;
  }

  where(): string {
    return this.parts.length > 0 ? `WHERE ${this.parts.join(' AND ')}` : '';
  }

  limit(limit: number): string {
    this.params.push(limit);
    return `LIMIT $${this.params.length}`;
  }
}

const CHANGE_COLUMNS: Record<string, (changes: CampaignChanges) => Array<[string, unknown]>> = {
  name: (c) => [['name', c.name]],
  kpis: (c) => [['kpis', JSON.stringify(c.kpis)]],
  channels: (c) => [['channels', c.channels]],
  formats: (c) => [['formats', c.formats]],
  budget: (c) => [
    ['budget_amount_cents', c.budget?.amountCents],
    ['budget_currency', c.budget?.currency],
    ['budget_period', c.budget?.period],
  ],
  startDate: (c) => [['start_date', c.startDate]],
  endDate: (c) => [['end_date', c.endDate]],
  status: (c) => [['status', c.status]],
};

/**
 * Every statement runs in a transaction bound to the tenant (`app.tenant_id`, which row-level
 * security checks) and also names `tenant_id` itself: two lines of defence, either one enough.
 */
export class PgCampaignRepository implements CampaignRepository {
  constructor(private readonly pool: pg.Pool) {}

  private read<T>(tenantId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTenantPgTransaction(this.pool, tenantId, work);
  }

  /** Runs `work` and the compliance entry in one transaction. */
  private async audited<T>(
    tenantId: string,
    campaignId: string,
    audit: AuditedChange,
    work: (client: pg.PoolClient) => Promise<T>,
  ) {
    return inTenantPgTransaction(this.pool, tenantId, async (client) => {
      const result = await work(client);
      if (result !== undefined) {
        await client.query(
          'INSERT INTO compliance_log (tenant_id, campaign_id, actor, action, changes, request_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [
            tenantId,
            campaignId,
            audit.actor.subject,
            audit.action,
            JSON.stringify(audit.changes),
            audit.actor.requestId,
            audit.at,
          ],
        );
      }
      return result;
    });
  }

  async create(tenantId: string, campaign: Campaign, audit: AuditedChange): Promise<Campaign> {
    return this.audited(tenantId, campaign.id, audit, async (client) => {
      const { rows } = await client.query<TextRow>({
        types: PG_TEXT,
        text: `INSERT INTO campaigns (tenant_id, id, account_id, name, objective, kpis, channels, formats, budget_amount_cents,
           budget_currency, budget_period, start_date, end_date, status, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         RETURNING ${CAMPAIGN_COLUMNS}`,
        values: [
          tenantId,
          campaign.id,
          campaign.accountId,
          campaign.name,
          campaign.objective,
          JSON.stringify(campaign.kpis),
          campaign.channels,
          campaign.formats,
          campaign.budget.amountCents,
          campaign.budget.currency,
          campaign.budget.period,
          campaign.startDate,
          campaign.endDate,
          campaign.status,
          campaign.createdBy,
          new Date(campaign.createdAt),
          new Date(campaign.updatedAt),
        ],
      });
      return toCampaign(rows[0]!);
    });
  }

  async get(tenantId: string, id: string): Promise<Campaign | undefined> {
    const { rows } = await readInTenantPg<TextRow>(this.pool, tenantId, {
      types: PG_TEXT,
      text: `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE tenant_id = $1 AND id = $2`,
      values: [tenantId, id],
    });
    return rows[0] ? toCampaign(rows[0]) : undefined;
  }

  async update(
    tenantId: string,
    id: string,
    changes: CampaignChanges,
    audit: AuditedChange,
  ): Promise<Campaign | undefined> {
    const assignments = Object.keys(changes)
      .filter((key) => (changes as Record<string, unknown>)[key] !== undefined)
      .flatMap((key) => CHANGE_COLUMNS[key]?.(changes) ?? []);
    const params: unknown[] = [tenantId, id, audit.at, ...assignments.map(([, value]) => value)];
    const set = ['updated_at = $3', ...assignments.map(([column], index) => `${column} = $${index + 4}`)];
    return this.audited(tenantId, id, audit, async (client) => {
      const { rows } = await client.query<TextRow>({
        types: PG_TEXT,
        text: `UPDATE campaigns SET ${set.join(', ')} WHERE tenant_id = $1 AND id = $2 RETURNING ${CAMPAIGN_COLUMNS}`,
        values: params,
      });
      return rows[0] ? toCampaign(rows[0]) : undefined;
    });
  }

  async list(
    tenantId: string,
    filter: {
      status?: CampaignStatus;
      channel?: string;
      objective?: string;
    } & PageRequest,
  ): Promise<Campaign[]> {
    const conditions = new Conditions()
      .add((p) => `tenant_id = ${p}`, tenantId)
      .add((p) => `status = ${p}`, filter.status)
      .add((p) => `objective = ${p}`, filter.objective)
      .add((p) => `channels @> ARRAY[${p}]::text[]`, filter.channel)
      .after(filter);
    const where = conditions.where();
    const limit = conditions.limit(filter.limit);
    const { rows } = await readInTenantPg<TextRow>(this.pool, tenantId, {
      types: PG_TEXT,
      text: `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns ${where} ORDER BY created_at DESC, id DESC ${limit}`,
      values: conditions.params,
    });
    return rows.map(toCampaign);
  }

  async addAudience(tenantId: string, audience: Audience, audit: AuditedChange): Promise<Audience> {
    return this.audited(tenantId, audience.campaignId, audit, async (client) => {
      const { rows } = await client.query(
        `INSERT INTO audiences (tenant_id, id, campaign_id, name, age_min, age_max, genders, locations, interests, behaviours, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
        [
          tenantId,
          audience.id,
          audience.campaignId,
          audience.name,
          audience.ageMin,
          audience.ageMax,
          audience.genders,
          audience.locations,
          audience.interests,
          audience.behaviours,
          new Date(audience.createdAt),
        ],
      );
      return toAudience(rows[0]);
    });
  }

  async addBiddingRule(tenantId: string, rule: BiddingRule, audit: AuditedChange): Promise<BiddingRule> {
    return this.audited(tenantId, rule.campaignId, audit, async (client) => {
      const { rows } = await client.query(
        `INSERT INTO bidding_rules (tenant_id, id, campaign_id, channel, strategy, bid_cap_cents, daily_budget_cents, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          tenantId,
          rule.id,
          rule.campaignId,
          rule.channel,
          rule.strategy,
          rule.bidCapCents,
          rule.dailyBudgetCents,
          new Date(rule.createdAt),
        ],
      );
      return toBiddingRule(rows[0]);
    });
  }

  async addExperiment(tenantId: string, experiment: Experiment, audit: AuditedChange): Promise<Experiment> {
    return this.audited(tenantId, experiment.campaignId, audit, async (client) => {
      const { rows } = await client.query(
        `INSERT INTO experiments (tenant_id, id, campaign_id, name, hypothesis, metric, status, variants, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [
          tenantId,
          experiment.id,
          experiment.campaignId,
          experiment.name,
          experiment.hypothesis,
          experiment.metric,
          experiment.status,
          JSON.stringify(experiment.variants),
          new Date(experiment.createdAt),
        ],
      );
      return toExperiment(rows[0]);
    });
  }

  listAudiences(tenantId: string, campaignId: string, page: PageRequest): Promise<Audience[]> {
    return this.listChildren(tenantId, 'audiences', campaignId, page, toAudience);
  }

  listBiddingRules(tenantId: string, campaignId: string, page: PageRequest): Promise<BiddingRule[]> {
    return this.listChildren(tenantId, 'bidding_rules', campaignId, page, toBiddingRule);
  }

  listExperiments(tenantId: string, campaignId: string, page: PageRequest): Promise<Experiment[]> {
    return this.listChildren(tenantId, 'experiments', campaignId, page, toExperiment);
  }

  complianceLog(tenantId: string, campaignId: string, page: PageRequest): Promise<ComplianceEntry[]> {
    const conditions = new Conditions()
      .add((p) => `tenant_id = ${p}`, tenantId)
      .add((p) => `campaign_id = ${p}`, campaignId)
      .add((p) => `id < ${p}`, page.after ? page.after.id : undefined);
    const where = conditions.where();
    const limit = conditions.limit(page.limit);
    return this.read(tenantId, async (client) => {
      const { rows } = await client.query(
        `SELECT * FROM compliance_log ${where} ORDER BY id DESC ${limit}`,
        conditions.params,
      );
      return rows.map(toComplianceEntry);
    });
  }

  private listChildren<T>(
    tenantId: string,
    table: 'audiences' | 'bidding_rules' | 'experiments',
    campaignId: string,
    page: PageRequest,
    map: (row: Row) => T,
  ): Promise<T[]> {
    const conditions = new Conditions()
      .add((p) => `tenant_id = ${p}`, tenantId)
      .add((p) => `campaign_id = ${p}`, campaignId)
      .after(page);
    const where = conditions.where();
    const limit = conditions.limit(page.limit);
    return this.read(tenantId, async (client) => {
      const { rows } = await client.query(
        `SELECT * FROM ${table} ${where} ORDER BY created_at DESC, id DESC ${limit}`,
        conditions.params,
      );
      return rows.map(map);
    });
  }
}
