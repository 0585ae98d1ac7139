import { SERVICES, type ServiceDefinition, type ServiceName } from '../../../bench/services-catalog.js';
import { createFleet, type Fleet } from '../../../bench/services-fleet.js';
import type { ServiceProcess } from '../../../bench/services-process.js';
import { seedBusinessPlans } from '../../../bench/services-seed.js';

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
  close(): Promise<void>;
}

export async function stageService(
  name: ServiceName,
  label: string,
  /** Extra environment for the service, given its database URL (e.g. to route it through a proxy). */
  overrides: (databaseUrl: string) => Record<string, string> = () => ({}),
): Promise<Stage> {
  const needsBusiness = name === 'promptads' || name === 'business';
  const fleet = await createFleet(label, name === 'promptads' ? ['business', name] : [name]);
  try {
    const business = name === 'promptads' ? await fleet.start('business') : undefined;
    const start = () =>
      fleet.start(name, {
        ...(business ? { BUSINESS_URL: business.url } : {}),
        ...overrides(fleet.databases[name]!.url),
      });
    const running = await start();
    if (needsBusiness) await seedBusinessPlans((business ?? running).url, fleet.authorization);
    return {
      fleet,
      service: SERVICES[name],
      running,
      headers: fleet.authorization,
      startAnother: start,
      stopDependencies: async () => {
        await business?.stop();
      },
      close: () => fleet.close(),
    };
  } catch (error) {
    await fleet.close();
    throw error;
  }
}
