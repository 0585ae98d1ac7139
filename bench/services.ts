/**
 * The services under load, as they ship: each service's compiled bundle on the images' Node
 * (bench/service-runtime.ts), alone as one process (PROCESSES_PER_POD=1, so it has one core and
 * the load generators the other), on fresh databases seeded with 100 rows through its own API. For
 * its main list endpoint (`?limit=100`, with a token) the bench records req/s, p50/p99, the CPU per
 * request of the service and of the database server, the open-loop latency at 70 % of the capacity
 * (with the generator's own event-loop delay), and the floor (the same list without HTTP, in a
 * process of its own on the same Node, bench/services-floor-cost.ts); then `/healthz`. PromptAds'
 * list is also served by Django REST Framework over the same database.
 */
import { type LoadResult, runLoad } from '../lib/load-test.js';
import { DRF_LIST_PATH, type DrfRuntime, findDrfRuntime, sameListShape, startDrf } from './drf.js';
import {
  describeServiceRuntime,
  type ServiceRuntime,
  type ServiceRuntimeRecord,
  serviceRuntime,
} from './service-runtime.js';
import { buildServiceBundles, shippedLaunch } from './services-bundle.js';
import { type CalibrateRun, calibrateAgainst } from './services-calibrate.js';
import { ADS_ACCOUNT, SERVICES, type ServiceName } from './services-catalog.js';
import { type ListCost, measureListCost } from './services-cost.js';
import { positiveIntFromEnv } from './services-env.js';
import { createFleet, type Fleet } from './services-fleet.js';
import {
  DEFAULT_FLOOR_ITERATIONS,
  DEFAULT_FLOOR_RUNS,
  measureFloorCostMedian,
} from './services-floor-cost.js';
import type { ServiceProcess } from './services-process.js';
import { checkedListUrl, requestJson, seedBusinessPlans, seedList } from './services-seed.js';

export interface ServicesBenchmarkOptions {
  /** Default: BENCH_CONNECTIONS or 20. */
  connections?: number;
  /** Default: BENCH_DURATION or 10. */
  durationSeconds?: number;
  /** Default: BENCH_WARMUP or 5: the closed-loop run before each measured window, not counted. */
  warmupSeconds?: number;
  /** Default: BENCH_FLOOR_ITERATIONS or DEFAULT_FLOOR_ITERATIONS. */
  floorIterations?: number;
  /** Default: BENCH_FLOOR_RUNS or DEFAULT_FLOOR_RUNS. */
  floorRuns?: number;
  rows?: number;
  /** Where `promptsales calibrate` writes calibrate-<date>.json; without it, calibrate is not run. */
  calibrateResultsDir?: string;
  /** Default: `serviceRuntime()`. */
  runtime?: ServiceRuntime;
  log?: (line: string) => void;
}

export interface ListFigures extends ListCost {
  service: string;
  endpoint: string;
  responseBytes: number;
  /** The floor's Node CPU per list (use case + repository + serializer, no HTTP), ms. */
  floorCpuMsPerRequest: number;
  /** The database server's CPU per list of the floor, ms. */
  floorDbCpuMsPerRequest: number;
  floorIterations: number;
  /** Each floor process's CPU per list; the median is `floorCpuMsPerRequest`. */
  floorCpuMsPerRequestRuns: number[];
  /** Lists in flight at once in the floor: the load's connections. */
  floorConcurrency: number;
  /** The service's CPU per request ÷ the floor's Node CPU per request. */
  cpuRatioToFloor: number | undefined;
}

export type DrfFigures =
  | (ListCost & {
      server: string;
      workers: number;
      versions: DrfRuntime['versions'];
      endpoint: string;
      responseBytes: number;
    })
  | { skipped: string };

export interface ServicesBenchmark {
  /** The Node the services' bundles and their floors ran on. */
  serviceRuntime: ServiceRuntimeRecord;
  connections: number;
  durationSeconds: number;
  /** The uncounted closed-loop run before each measured window. */
  warmupSeconds: number;
  rows: number;
  processesPerService: 1;
  results: { service: string; endpoint: string; load: LoadResult }[];
  lists: ListFigures[];
  drf: DrfFigures;
  /** (DRF CPU + its database CPU) ÷ (PromptAds CPU + its database CPU), per request. */
  drfCpuRatio: number | undefined;
  /** `promptsales calibrate` against the same PromptAds process, after the measurement. */
  calibrate?: CalibrateRun;
}

// Business goes first: PromptAds asks it for the entitlement while its campaigns are seeded.
const ORDER: ServiceName[] = ['business', 'promptads', 'promptcrm', 'promptcontent'];

const ratio = (numerator: number | undefined, denominator: number | undefined) =>
  numerator === undefined || denominator === undefined || denominator === 0
    ? undefined
    : numerator / denominator;

const sum = (...values: (number | undefined)[]) =>
  values.some((value) => value === undefined) ? undefined : values.reduce<number>((a, b) => a + b!, 0);

export async function benchmarkServices(options: ServicesBenchmarkOptions = {}): Promise<ServicesBenchmark> {
  const connections = options.connections ?? positiveIntFromEnv('BENCH_CONNECTIONS', 20);
  const durationSeconds = options.durationSeconds ?? positiveIntFromEnv('BENCH_DURATION', 10);
  const floorIterations =
    options.floorIterations ?? positiveIntFromEnv('BENCH_FLOOR_ITERATIONS', DEFAULT_FLOOR_ITERATIONS);
  const floorRuns = options.floorRuns ?? positiveIntFromEnv('BENCH_FLOOR_RUNS', DEFAULT_FLOOR_RUNS);
  const warmupSeconds = options.warmupSeconds ?? positiveIntFromEnv('BENCH_WARMUP', 5);
  const rows = options.rows ?? 100;
  const log = options.log ?? ((line: string) => console.error(line));
  const runtime = options.runtime ?? serviceRuntime(process.env, log);
  const settings: RunSettings = {
    connections,
    durationSeconds,
    warmupSeconds,
    rows,
    generatorNode: runtime.path,
  };
  log(
    `services: building the bundles (npm run build --workspace services) for ${describeServiceRuntime(runtime)}`,
  );
  buildServiceBundles();
  const drfRuntime = findDrfRuntime();
  const fleet = await createFleet('bench', ORDER, shippedLaunch(runtime));
  const headers = fleet.authorization;
  const results: ServicesBenchmark['results'] = [];
  const lists: ListFigures[] = [];
  let drf: DrfFigures = 'skipped' in drfRuntime ? drfRuntime : { skipped: 'not run' };
  let business: ServiceProcess | undefined;
  let calibrate: CalibrateRun | undefined;

  try {
    for (const name of ORDER) {
      const service = SERVICES[name];
      const running = await fleet.start(name, {
        PROCESSES_PER_POD: '1',
        // A pool as large as the load's connections: a request waiting 2 s for a pooled connection
        // fails (services/kit/dependencies.ts), and the run measures the service, not that queue.
        DATABASE_POOL_MAX: String(poolFor(connections)),
        ...(business ? { BUSINESS_URL: business.url } : {}),
      });
      log(`${name}: seeding ${rows} rows through ${service.prefix}${service.listPath}`);
      if (name === 'business') await seedBusinessPlans(running.url, headers);
      await seedList(service, running.url, headers, rows);
      if (name === 'business') business = running;
      else if (business) {
        await business.stop();
        business = undefined;
      }

      const listUrl = await checkedListUrl(service, running.url, headers, rows);
      const listed = await requestJson(listUrl, headers);
      const measured = await measureService(running, listUrl, headers, settings, log);
      if (name === 'promptads' && options.calibrateResultsDir) {
        calibrate = await calibrateService(listUrl, headers, settings, options.calibrateResultsDir, log);
      }
      if (running !== business) await running.stop();

      log(
        `${name}: floor, ${floorRuns} processes of ${floorIterations} lists without HTTP, ${connections} at once`,
      );
      const floor = await measureFloorCostMedian(
        {
          node: runtime.path,
          service: name,
          databaseUrl: fleet.databases[name]!.url,
          rows,
          poolMax: poolFor(connections),
          httpBody: listed.body,
          iterations: floorIterations,
          concurrency: connections,
        },
        floorRuns,
      );
      lists.push({
        service: name,
        endpoint: measured.endpoint,
        ...measured.cost,
        responseBytes: Buffer.byteLength(JSON.stringify(listed.body)),
        floorCpuMsPerRequest: floor.cpuMsPerRequest,
        floorDbCpuMsPerRequest: floor.dbCpuMsPerRequest,
        floorIterations: floor.iterations,
        floorCpuMsPerRequestRuns: floor.cpuMsPerRequestRuns,
        floorConcurrency: floor.concurrency,
        cpuRatioToFloor: ratio(measured.cost.cpuMsPerRequest, floor.cpuMsPerRequest),
      });
      results.push(
        { service: name, endpoint: measured.endpoint, load: measured.load },
        { service: name, endpoint: GET_HEALTHZ, load: measured.healthz },
      );

      if (name === 'promptads') {
        drf =
          'skipped' in drfRuntime
            ? drfRuntime
            : await benchmarkDrf(drfRuntime, fleet, listed.body, settings, log);
        if ('skipped' in drf) log(`drf: skipped: ${drf.skipped}`);
      }
    }
  } finally {
    await business?.stop();
    await fleet.close();
  }
  const promptads = lists.find((list) => list.service === 'promptads');
  const drfCpuRatio =
    'skipped' in drf || !promptads
      ? undefined
      : ratio(
          sum(drf.cpuMsPerRequest, drf.dbCpuMsPerRequest),
          sum(promptads.cpuMsPerRequest, promptads.dbCpuMsPerRequest),
        );
  return {
    serviceRuntime: { node: runtime.node, source: runtime.source },
    connections,
    durationSeconds,
    warmupSeconds,
    rows,
    processesPerService: 1,
    results,
    lists,
    drf,
    drfCpuRatio,
    ...(calibrate ? { calibrate } : {}),
  };
}

const GET_HEALTHZ = 'GET /healthz';

interface RunSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  rows: number;
  /** The node binary of the open-loop generator's process: the services' own. */
  generatorNode: string;
}

/** The list's per-request cost (closed loop, CPU, open loop), then `/healthz`, of one running service. */
async function measureService(
  running: ServiceProcess,
  listUrl: string,
  headers: Record<string, string>,
  { connections, durationSeconds, warmupSeconds, rows, generatorNode }: RunSettings,
  log: (line: string) => void,
) {
  const service = SERVICES[running.name];
  const endpoint = `GET ${service.listPath}?limit=${rows}`;
  log(
    `${running.name}: ${endpoint} for ${durationSeconds} s with ${connections} connections, then open loop`,
  );
  const { cost, load } = await measureListCost({
    url: listUrl,
    headers,
    pid: running.pid,
    database: service.database,
    connections,
    durationSeconds,
    warmupSeconds,
    generatorNode,
  });
  log(`${running.name}: ${GET_HEALTHZ} for ${durationSeconds} s with ${connections} connections`);
  const healthz = await runLoad({ url: `${running.url}/healthz`, connections, durationSeconds });
  return { endpoint, cost, load, healthz };
}

/** `promptsales calibrate` against the running PromptAds list, steps of at most 5 s. */
async function calibrateService(
  listUrl: string,
  headers: { authorization: string },
  { connections, durationSeconds }: RunSettings,
  resultsDir: string,
  log: (line: string) => void,
): Promise<CalibrateRun> {
  const stepSeconds = Math.min(durationSeconds, 5);
  log(`promptads: promptsales calibrate, ${stepSeconds} s a step`);
  const run = await calibrateAgainst({
    url: listUrl,
    token: headers.authorization.replace(/^Bearer /, ''),
    stepSeconds,
    maxConnections: connections,
    resultsDir,
  });
  if ('skipped' in run) log(`promptads: calibrate: ${run.skipped}`);
  return run;
}

/** At least the services' default pool (10), at most the most they accept (100, PostgreSQL's default limit in all). */
export const poolFor = (connections: number) => Math.min(100, Math.max(10, connections));

async function benchmarkDrf(
  runtime: DrfRuntime,
  fleet: Fleet,
  promptAdsBody: unknown,
  { connections, durationSeconds, warmupSeconds, rows, generatorNode }: RunSettings,
  log: (line: string) => void,
): Promise<DrfFigures> {
  const server = await startDrf(runtime, fleet.databases.promptads!.url, ADS_ACCOUNT);
  try {
    const url = `${server.url}${DRF_LIST_PATH}?limit=${rows}`;
    const reply = await requestJson(url, {});
    const difference =
      reply.status === 200 ? sameListShape(promptAdsBody, reply.body) : `status ${reply.status}`;
    if (difference) throw new Error(`DRF's list differs from PromptAds': ${difference}`);
    log(
      `drf: GET ${DRF_LIST_PATH}?limit=${rows} (gunicorn, ${server.workers} sync workers) for ${durationSeconds} s ` +
        `with ${connections} connections, then open loop`,
    );
    const { cost } = await measureListCost({
      url,
      headers: {},
      pid: server.pid,
      database: 'postgres',
      connections,
      durationSeconds,
      warmupSeconds,
      generatorNode,
    });
    return {
      server: 'gunicorn',
      workers: server.workers,
      versions: runtime.versions,
      endpoint: `GET ${DRF_LIST_PATH.replace(SERVICES.promptads.prefix, '')}?limit=${rows}`,
      responseBytes: Buffer.byteLength(JSON.stringify(reply.body)),
      ...cost,
    };
  } finally {
    await server.stop();
  }
}
