import { SERVICES, type ServiceDefinition } from '../../../bench/services-catalog.js';
import { createFleet, type Fleet } from '../../../bench/services-fleet.js';
import type { ServiceProcess } from '../../../bench/services-process.js';
import { seedBusinessPlans } from '../../../bench/services-seed.js';
import { migratePromptContent } from '../../../services/promptcontent/migrate.js';
import { killDatabaseSessions, storedRows } from './database.js';
import { mongoDatabase } from './mongodb.js';
import { MONGODB_URL, type Target } from './settings.js';
import type { StoredWrite } from './write-load.js';

/**
 * One service running as its own process on fresh databases, plus Business when the service
 * depends on it (PromptAds asks Business for entitlements), with the Business plans seeded.
 */
export interface Stage {
  fleet: Fleet;
  service: ServiceDefinition;
  running: ServiceProcess;
  headers: Record<string, string>;
  /** Starts one more process of the service on the same databases (a rolling update's new pod). */
  startAnother(): Promise<ServiceProcess>;
  /** Stops the processes the service depends on, when only reads are left to do. */
  stopDependencies(): Promise<void>;
  /** Every write the service stored, as `{ id, marker }`, read straight from its store. */
  storedWrites(): Promise<StoredWrite[]>;
  /** Ends the service's sessions on its store from an administrative connection; how many. */
  killStoreSessions(): Promise<number>;
  close(): Promise<void>;
}

/** The port of the target's store on 127.0.0.1, for a proxy in front of it. */
export function storePort(target: Target): number {
  if (target.store === 'mongodb') return Number(new URL(MONGODB_URL!).port || 27017);
  return target.store === 'mysql' ? 3306 : 5432;
}

export async function stageService(
  target: Target,
  label: string,
  options: {
    /** Rewrites the URL the service reaches its store at (e.g. through a proxy). */
    routeStore?: (url: string) => string;
    /** More environment for the service. */
    env?: Record<string, string>;
  } = {},
): Promise<Stage> {
  const { name } = target;
  const route = options.routeStore ?? ((url: string) => url);
  const needsBusiness = name === 'promptads' || name === 'business';
  const mongo = target.store === 'mongodb' ? mongoDatabase(MONGODB_URL!, label) : undefined;
  const fleet = await createFleet(label, name === 'promptads' ? ['business', name] : [name]);
  const close = async () => {
    await fleet.close();
    await mongo?.drop();
  };
  try {
    if (mongo) {
      await migratePromptContent({
        kind: 'mongodb',
        url: mongo.url,
        database: mongo.name,
        serverSelectionTimeoutMs: 5_000,
      });
    }
    const database = fleet.databases[name]!;
    const storeEnv: Record<string, string> = mongo
      ? { CONTENT_STORE: 'mongodb', MONGODB_URL: route(mongo.url), MONGODB_DATABASE: mongo.name }
      : { DATABASE_URL: route(database.url) };
    const business = name === 'promptads' ? await fleet.start('business') : undefined;
    const start = () =>
      fleet.start(name, {
        ...(business ? { BUSINESS_URL: business.url } : {}),
        ...storeEnv,
        ...options.env,
      });
    const running = await start();
    if (needsBusiness) await seedBusinessPlans((business ?? running).url, fleet.authorization);
    const service = SERVICES[name];
    return {
      fleet,
      service,
      running,
      headers: fleet.authorization,
      startAnother: start,
      stopDependencies: async () => {
        await business?.stop();
      },
      storedWrites: () =>
        mongo ? mongo.storedBriefs() : storedRows(service.database, database, service.write.storedRowsSql),
      // MongoDB has no command that ends another client's connections; its outage is the proxy cut.
      killStoreSessions: async () => (mongo ? 0 : killDatabaseSessions(service.database, database)),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
