/**
 * `npx tsx scripts/profile/service-profile.ts [--service promptads] [--runs 3] [--duration 10]
 *   [--connections 20] [--cpu-prof <dir>] [--svg <file>] [--env NAME=value …] [--bundle <main.js>]`
 *
 * Builds the services and starts one from its bundle (`services/dist/<service>/main.js`, one process) on the Node the
 * bench runs services on (bench/service-runtime.ts), on fresh databases, seeds 100 rows through its
 * own API, loads `GET <list>?limit=100` with a token, and reports the service process's CPU
 * milliseconds per completed request (from /proc/<pid>/stat) for each run and their median, beside
 * its floor (`bench/services-floor-cost.ts`: its own process on the same Node, as many lists in
 * flight as connections) measured in the same run. With `--cpu-prof` the process runs under
 * `node --cpu-prof`, and the
 * samples taken during the measured runs are attributed to packages, files and functions; `--svg`
 * draws them as an icicle graph. `--bundle` measures another build of the service (an earlier
 * commit's, built with its own `services/build.mjs` under this checkout, so it finds node_modules).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCpuWindow, treeOf } from '../../bench/proc-cpu.js';
import { describeServiceRuntime, serviceRuntime } from '../../bench/service-runtime.js';
import { poolFor } from '../../bench/services.js';
import { buildServiceBundles, serviceBundle } from '../../bench/services-bundle.js';
import { SERVICE_NAMES, SERVICES, type ServiceName } from '../../bench/services-catalog.js';
import { createFleet } from '../../bench/services-fleet.js';
import { DEFAULT_FLOOR_ITERATIONS, measureFloorCost } from '../../bench/services-floor-cost.js';
import { startServiceProcess } from '../../bench/services-process.js';
import { checkedListUrl, requestJson, seedBusinessPlans, seedList } from '../../bench/services-seed.js';
import { runLoad } from '../../lib/load-test.js';
import { attribute, frameLabel, moduleOf, readCpuProfile, selfTimes } from './cpuprofile.js';
import { flameGraphSvg } from './flame-svg.js';

const ROWS = 100;

const { values } = parseArgs({
  options: {
    service: { type: 'string', default: 'promptads' },
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '20' },
    'cpu-prof': { type: 'string' },
    svg: { type: 'string' },
    title: { type: 'string' },
    env: { type: 'string', multiple: true, default: [] },
    bundle: { type: 'string' },
  },
});

const service = values.service as ServiceName;
if (!SERVICE_NAMES.includes(service)) throw new Error(`--service must be one of ${SERVICE_NAMES.join(', ')}`);
// Without --bundle, the current sources are built first, as the bench builds them: the floor it is
// compared with runs from the sources, so a bundle left from other sources would be measured against it.
if (!values.bundle) buildServiceBundles();
const bundle = values.bundle ? resolve(values.bundle) : serviceBundle(service);
if (!existsSync(bundle)) throw new Error(`${bundle} is missing`);
const runs = Number(values.runs);
const durationSeconds = Number(values.duration);
const connections = Number(values.connections);
const extraEnv = Object.fromEntries(
  values.env.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
const profileDir = values['cpu-prof'] ? resolve(values['cpu-prof']) : undefined;
const runtime = serviceRuntime();
const poolMax = Number(extraEnv.DATABASE_POOL_MAX ?? poolFor(connections));
const nowUs = () => Number(process.hrtime.bigint() / 1000n);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

const fleet = await createFleet('profile', service === 'promptads' ? ['business', 'promptads'] : [service]);
try {
  const headers = fleet.authorization;
  const business = service === 'promptads' ? await fleet.start('business') : undefined;
  if (business) await seedBusinessPlans(business.url, headers);
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const before = new Set(profileDir ? readdirSync(profileDir) : []);
  const running = await startServiceProcess(
    service,
    {
      ...fleet.envFor(service, {
        ...(business ? { BUSINESS_URL: business.url } : {}),
        DATABASE_POOL_MAX: String(poolMax),
        ...extraEnv,
      }),
      PROCESSES_PER_POD: '1',
    },
    {
      node: runtime.path,
      bundle,
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    },
  );
  console.log(`${service}: ${bundle} on ${describeServiceRuntime(runtime)}`);
  await seedList(SERVICES[service], running.url, headers, ROWS);
  await business?.stop();
  const url = await checkedListUrl(SERVICES[service], running.url, headers, ROWS);

  await runLoad({ url, connections, durationSeconds: Number(values.warmup), headers });
  const measured: { cpuMsPerRequest: number; requestsPerSecond: number; requests: number }[] = [];
  const windowStart = nowUs();
  for (let run = 0; run < runs; run++) {
    const window = startCpuWindow({ service: treeOf(running.pid) });
    const load = await runLoad({ url, connections, durationSeconds, headers });
    const cpuMs = window.stop().service;
    if (load.errors > 0 || load.non2xx > 0)
      throw new Error(`run ${run + 1}: ${load.errors} errors, ${load.non2xx} non-2xx`);
    measured.push({
      cpuMsPerRequest: cpuMs / load.totalRequests,
      requestsPerSecond: load.requestsPerSecond,
      requests: load.totalRequests,
    });
    console.log(
      `run ${run + 1}: ${load.totalRequests} requests, ${load.requestsPerSecond.toFixed(0)} req/s, ` +
        `${(cpuMs / load.totalRequests).toFixed(3)} ms CPU per request, p99 ${load.latencyMs.p99} ms`,
    );
  }
  const windowEnd = nowUs();
  const httpBody = (await requestJson(url, headers)).body;
  await running.stop();
  const serviceMs = median(measured.map((m) => m.cpuMsPerRequest));
  console.log(
    `${service} GET ${SERVICES[service].listPath}?limit=${ROWS}, ${connections} connections: median ` +
      `${serviceMs.toFixed(3)} ms CPU per request, ` +
      `${median(measured.map((m) => m.requestsPerSecond)).toFixed(0)} req/s`,
  );
  const floor: number[] = [];
  for (let run = 0; run < runs; run++) {
    const figures = await measureFloorCost({
      node: runtime.path,
      service,
      databaseUrl: fleet.envFor(service).DATABASE_URL!,
      rows: ROWS,
      poolMax,
      httpBody,
      iterations: DEFAULT_FLOOR_ITERATIONS,
      concurrency: connections,
    });
    floor.push(figures.cpuMsPerRequest);
  }
  console.log(
    `floor (use case, repository and the route's serializer, no HTTP, ${connections} at once): ` +
      `${floor.map((ms) => ms.toFixed(3)).join(', ')} ms; ` +
      `median ${median(floor).toFixed(3)} ms; service ÷ floor ${(serviceMs / median(floor)).toFixed(2)}`,
  );
  if (profileDir) {
    const written = readdirSync(profileDir).filter(
      (file) => file.endsWith('.cpuprofile') && !before.has(file),
    );
    if (written.length !== 1)
      throw new Error(`expected one new profile in ${profileDir}, found ${written.length}`);
    const path = join(profileDir, written[0]!);
    const profile = readCpuProfile(path);
    const self = selfTimes(profile, windowStart, windowEnd);
    const requests = measured.reduce((sum, m) => sum + m.requests, 0);
    const total = [...self].reduce(
      (sum, [id, us]) =>
        profile.nodes.find((n) => n.id === id)?.callFrame.functionName === '(idle)' ? sum : sum + us,
      0,
    );
    const print = (heading: string, rows: { name: string; selfUs: number }[], count: number) => {
      console.log(`\n${heading} (self time, µs per request, share of CPU)`);
      for (const row of rows
        .filter((r) => r.name !== '(idle)' && !r.name.startsWith('(idle)'))
        .slice(0, count)) {
        console.log(
          `${(row.selfUs / requests).toFixed(1).padStart(8)}  ${((row.selfUs / total) * 100).toFixed(1).padStart(5)} %  ${row.name}`,
        );
      }
    };
    console.log(`\nprofile ${path}: ${(total / requests).toFixed(0)} µs of sampled CPU per request`);
    print('by package or file', attribute(profile, self, moduleOf), 25);
    print('by function', attribute(profile, self, frameLabel), 40);
    if (values.svg) {
      mkdirSync(dirname(resolve(values.svg)), { recursive: true });
      writeFileSync(
        values.svg,
        flameGraphSvg(
          profile,
          self,
          values.title ?? `${service}: GET ${SERVICES[service].listPath}?limit=${ROWS}`,
        ),
      );
      console.log(`\nwrote ${values.svg}`);
    }
  }
} finally {
  await fleet.close();
}
