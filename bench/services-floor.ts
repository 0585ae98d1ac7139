/**
 * The floor of a list endpoint: its use case, repository query and row mapping, and the route's own
 * compiled response serializer, in a loop in this process with no HTTP around them. What a request
 * costs above this is the price of everything else (HTTP, authentication, rate limiting, validation,
 * metrics, logging).
 */
import { isDeepStrictEqual } from 'node:util';
import Fastify from 'fastify';
import { type KitTypeProvider, problemSchema, type ServiceApi } from '../services/kit/index.js';
import { createValidatorCompiler } from '../services/kit/validation.js';
import { DATABASE_SERVER_NAMES, named, perRequest, startCpuWindow } from './proc-cpu.js';
import type { ServiceDefinition } from './services-catalog.js';
import type { FloorSubject } from './services-floor-subjects.js';

export interface FloorFigures {
  iterations: number;
  /** Node CPU (this process: user + system, all threads) per iteration, in milliseconds. */
  cpuMsPerRequest: number;
  /** CPU of the database server's processes over the loop, per iteration. */
  dbCpuMsPerRequest: number;
}

/**
 * The serializer Fastify compiles for the list route's 200 answer: the service's routes are
 * registered on a bare Fastify app (with the kit's validator compiler and shared schemas), the list
 * route's handler is swapped for one that hands back `reply.getSerializationFunction(200)`, and
 * the route is called once.
 */
export async function listSerializer(
  routes: (api: ServiceApi) => Promise<void>,
  listPath: string,
): Promise<(page: unknown) => string> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(createValidatorCompiler());
  app.addSchema({ $id: 'Problem', ...problemSchema });
  let serializer: ((page: unknown) => string) | undefined;
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url !== listPath || !methods.includes('GET')) return;
    route.handler = async (_request, reply) => {
      serializer = reply.getSerializationFunction('200') as (page: unknown) => string;
      return { items: [], nextCursor: null };
    };
  });
  await app.register(async (api) => routes(api.withTypeProvider<KitTypeProvider>()));
  try {
    const reply = await app.inject({ method: 'GET', url: listPath });
    if (!serializer)
      throw new Error(`GET ${listPath} answered ${reply.statusCode}: ${reply.body.slice(0, 200)}`);
    return serializer;
  } finally {
    await app.close();
  }
}

/**
 * Runs the floor `iterations` times after `warmup` runs, one at a time, and reads this process's
 * CPU (process.cpuUsage) and the database server's (/proc) over the loop. Refuses to measure a
 * floor whose JSON differs from what the service answered over HTTP for the same list.
 */
export async function measureFloor(
  service: ServiceDefinition,
  subject: FloorSubject,
  httpBody: unknown,
  iterations: number,
  warmup = Math.min(50, iterations),
): Promise<FloorFigures> {
  const serialize = await listSerializer(subject.routes, service.listPath);
  const once = async () => serialize(await subject.list());
  const first = await once();
  if (!isDeepStrictEqual(JSON.parse(first), httpBody)) {
    throw new Error(
      `${service.name}: the floor's JSON differs from GET ${service.listPath} over HTTP; it would not measure the same work`,
    );
  }
  for (let i = 1; i < warmup; i++) await once();
  const window = startCpuWindow({ database: named(DATABASE_SERVER_NAMES[service.database]) });
  const before = process.cpuUsage();
  for (let i = 0; i < iterations; i++) await once();
  const used = process.cpuUsage(before);
  const { database } = window.stop();
  return {
    iterations,
    cpuMsPerRequest: perRequest((used.user + used.system) / 1000, iterations)!,
    dbCpuMsPerRequest: perRequest(database, iterations)!,
  };
}
