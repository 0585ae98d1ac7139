/**
 * What each service's list endpoint does once HTTP, authentication, rate limiting and the rest are
 * taken away: its use case and repository, wired as its app.ts wires them, against the database the
 * bench seeded. The floor measures these in a loop, so it moves with the services' own code.
 */

import { businessRoutes } from '../services/business/api/v1/routes.js';
import { Plans } from '../services/business/application/plans.js';
import { MysqlPlanRepository } from '../services/business/infrastructure/mysql-plans.js';
import { createMysqlPool, createPgPool, type ServiceApi } from '../services/kit/index.js';
import { promptAdsRoutes } from '../services/promptads/api/v1/routes.js';
import { CampaignPlanning } from '../services/promptads/application/campaign-planning.js';
import { PgCampaignRepository } from '../services/promptads/infrastructure/pg-campaigns.js';
import { contentRoutes } from '../services/promptcontent/api/v1/routes.js';
import { CreativeBriefing } from '../services/promptcontent/application/creative-briefing.js';
import { PgContentRepository } from '../services/promptcontent/infrastructure/postgres/pg-content-repository.js';
import { crmRoutes } from '../services/promptcrm/api/v1/routes.js';
import { Leads } from '../services/promptcrm/application/leads.js';
import { pgRepositories } from '../services/promptcrm/infrastructure/pg-repositories.js';
import { systemContext } from '../services/shared/use-case-context.js';
import { ADS_ACCOUNT, type ServiceName } from './services-catalog.js';

export interface FloorSubject {
  /** What the list route's handler returns for `?limit=<rows>`: the use case over the repository. */
  list(): Promise<unknown>;
  /** The service's v1 routes, where the list route's response schema (and so its serializer) is. */
  routes(api: ServiceApi): Promise<void>;
  close(): Promise<void>;
}

/** A collaborator the list never touches: any use of it is a mistake of this module, said loudly. */
function unused<T>(name: string): T {
  return new Proxy(
    {},
    {
      get: () => {
        throw new Error(`${name} is not part of the list the floor measures`);
      },
    },
  ) as T;
}

const ignore = () => {};

/**
 * Each service's floor against `databaseUrl`, listing `rows`, on a pool of at most `poolMax`
 * connections (the service's own pool size under the same load, for loops in flight at once).
 */
export const FLOOR_SUBJECTS: Record<
  ServiceName,
  (databaseUrl: string, rows: number, poolMax: number) => FloorSubject
> = {
  promptads: (databaseUrl, rows, poolMax) => {
    const pool = createPgPool(databaseUrl, ignore, poolMax);
    const planning = new CampaignPlanning(
      new PgCampaignRepository(pool),
      unused('entitlements'),
      systemContext,
    );
    return {
      list: () => planning.list(ADS_ACCOUNT, { limit: rows, after: undefined }),
      routes: promptAdsRoutes(planning),
      close: () => pool.end(),
    };
  },
  promptcrm: (databaseUrl, rows, poolMax) => {
    const pool = createPgPool(databaseUrl, ignore, poolMax);
    const leads = new Leads(pgRepositories(pool).leads);
    return {
      list: () => leads.list(ADS_ACCOUNT, {}, { limit: rows }),
      routes: crmRoutes({ contacts: unused('contacts'), leads }),
      close: () => pool.end(),
    };
  },
  promptcontent: (databaseUrl, rows, poolMax) => {
    const repository = new PgContentRepository(createPgPool(databaseUrl, ignore, poolMax), databaseUrl);
    const briefs = new CreativeBriefing(repository);
    return {
      list: () => briefs.list(ADS_ACCOUNT, {}, { limit: rows }),
      routes: contentRoutes({ briefs, assets: unused('assets'), packages: unused('packages') }),
      close: () => repository.close(),
    };
  },
  business: (databaseUrl, rows, poolMax) => {
    const pool = createMysqlPool(databaseUrl, poolMax);
    const plans = new Plans(new MysqlPlanRepository(pool), unused('cache'), systemContext);
    return {
      list: () => plans.list({ limit: rows, after: undefined }),
      routes: businessRoutes({
        plans,
        subscriptions: unused('subscriptions'),
        entitlements: unused('entitlements'),
        payments: unused('payments'),
        paymentEvents: unused('paymentEvents'),
      }),
      close: () => pool.end(),
    };
  },
};
