import { SERVICE_NAMES, SERVICES, type ServiceName } from '../../bench/services-catalog.js';
import { createFleet, type Fleet } from '../../bench/services-fleet.js';
import type { ServiceProcess } from '../../bench/services-process.js';
import type { OpenApiDocument } from './openapi.js';

/** A running service under attack: where it listens and what its OpenAPI document promises. */
export interface Target {
  name: string;
  url: string;
  prefix: string;
  document: OpenApiDocument;
}

/** The four services as their own processes on fresh databases, with their documents fetched. */
export interface Stage {
  fleet: Fleet;
  targets: Target[];
  /** Starts one more process of `name` on the same databases with `env` (a service with other limits). */
  startAnother(name: ServiceName, env: Record<string, string>): Promise<ServiceProcess>;
  close(): Promise<void>;
}

export async function fetchDocument(url: string, prefix: string): Promise<OpenApiDocument> {
  const response = await fetch(`${url}${prefix}/docs/json`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url}${prefix}/docs/json answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

/** The attack sends a few hundred requests from one address: the per-address limit must not end it early. */
const ATTACK_ADDRESS_LIMIT = '1000000';

/**
 * Services connect as their non-owner application role where the database has one (row-level
 * security applies), with the per-address limit raised for the attack (`env` may lower it again).
 */
function storeEnv(fleet: Fleet, name: ServiceName): Record<string, string> {
  const database = fleet.databases[name] as { appUrl?: string } | undefined;
  return {
    CLIENT_RATE_LIMIT_MAX: ATTACK_ADDRESS_LIMIT,
    ...(database?.appUrl ? { DATABASE_URL: database.appUrl } : {}),
  };
}

export async function stageServices(label: string): Promise<Stage> {
  const fleet = await createFleet(label, SERVICE_NAMES);
  // PromptAds' client may get what it asks Business for (entitlements, acting for a tenant).
  fleet.issuer.registerClient('promptads', {
    secret: fleet.envFor('promptads').OIDC_CLIENT_SECRET ?? '',
    audience: 'api://promptsales',
    scopes: ['business:read', 'business:entitlements', 'business:delegate'],
  });
  try {
    const business = await fleet.start('business', storeEnv(fleet, 'business'));
    const others = await Promise.all(
      (['promptcontent', 'promptads', 'promptcrm'] as const).map((name) =>
        fleet.start(name, {
          ...storeEnv(fleet, name),
          ...(name === 'promptads' ? { BUSINESS_URL: business.url } : {}),
        }),
      ),
    );
    const targets = await Promise.all(
      [business, ...others].map(async (running) => {
        const { prefix } = SERVICES[running.name];
        return {
          name: running.name,
          url: running.url,
          prefix,
          document: await fetchDocument(running.url, prefix),
        };
      }),
    );
    return {
      fleet,
      targets,
      startAnother: (name, env) =>
        fleet.start(name, {
          ...storeEnv(fleet, name),
          ...(name === 'promptads' ? { BUSINESS_URL: business.url } : {}),
          ...env,
        }),
      close: () => fleet.close(),
    };
  } catch (error) {
    await fleet.close();
    throw error;
  }
}
