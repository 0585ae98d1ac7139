/**
 * The services under load: each service runs alone as its own process (so it has one core and
 * autocannon, in this process, the other), on fresh databases seeded with 100 rows through its own
 * API; autocannon then measures its main list endpoint (`?limit=100`, with a token) and `/healthz`.
 */
import { type LoadResult, runLoad } from '../lib/load-test.js';
import { SERVICES, type ServiceName } from './services-catalog.js';
import { positiveIntFromEnv } from './services-env.js';
import { createFleet } from './services-fleet.js';
import type { ServiceProcess } from './services-process.js';
import { checkedListUrl, seedBusinessPlans, seedList } from './services-seed.js';

export interface ServicesBenchmarkOptions {
  /** Default: BENCH_CONNECTIONS or 20. */
  connections?: number;
  /** Default: BENCH_DURATION or 10. */
  durationSeconds?: number;
  rows?: number;
  log?: (line: string) => void;
}

export interface ServicesBenchmark {
  connections: number;
  durationSeconds: number;
  rows: number;
  results: { service: string; endpoint: string; load: LoadResult }[];
}

// Business goes first: PromptAds asks it for the entitlement while its campaigns are seeded.
const ORDER: ServiceName[] = ['business', 'promptads', 'promptcrm', 'promptcontent'];

export async function benchmarkServices(options: ServicesBenchmarkOptions = {}): Promise<ServicesBenchmark> {
  const connections = options.connections ?? positiveIntFromEnv('BENCH_CONNECTIONS', 20);
  const durationSeconds = options.durationSeconds ?? positiveIntFromEnv('BENCH_DURATION', 10);
  const rows = options.rows ?? 100;
  const log = options.log ?? ((line: string) => console.error(line));
  const fleet = await createFleet('bench', ORDER);
  const headers = fleet.authorization;
  const results: ServicesBenchmark['results'] = [];
  let business: ServiceProcess | undefined;

  try {
    for (const name of ORDER) {
      const service = SERVICES[name];
      const running = await fleet.start(name, business ? { BUSINESS_URL: business.url } : {});
      log(`${name}: seeding ${rows} rows through ${service.prefix}${service.listPath}`);
      if (name === 'business') await seedBusinessPlans(running.url, headers);
      await seedList(service, running.url, headers, rows);
      if (name === 'business') business = running;
      else if (business) {
        await business.stop();
        business = undefined;
      }

      const listUrl = await checkedListUrl(service, running.url, headers, rows);
      for (const [endpoint, url, auth] of [
        [`GET ${service.listPath}?limit=${rows}`, listUrl, headers],
        ['GET /healthz', `${running.url}/healthz`, {}],
      ] as const) {
        log(`${name}: ${endpoint} for ${durationSeconds} s with ${connections} connections`);
        results.push({
          service: name,
          endpoint,
          load: await runLoad({ url, connections, durationSeconds, headers: auth }),
        });
      }
      if (running !== business) await running.stop();
    }
  } finally {
    await fleet.close();
  }
  return { connections, durationSeconds, rows, results };
}
