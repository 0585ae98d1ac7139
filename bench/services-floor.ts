/**
 * The floor of a list endpoint: its use case, repository query and row mapping, and the route's own
 * compiled response serializer, in loops with no HTTP around them (run in a process of their own by
 * bench/services-floor-process.ts). What a request costs above this is the price of everything else
 * (HTTP, authentication, rate limiting, validation, metrics, logging).
 */
import { isDeepStrictEqual } from 'node:util';
import Fastify from 'fastify';
import { type KitTypeProvider, problemSchema, type ServiceApi } from '../services/kit/index.js';
import { createValidatorCompiler } from '../services/kit/validation.js';
import type { ServiceDefinition } from './services-catalog.js';
import type { FloorSubject } from './services-floor-subjects.js';

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
 * One iteration of the floor: the list, then its serialization. Refuses a floor whose JSON differs
 * from what the service answered over HTTP for the same list: it would not measure the same work.
 */
export async function floorIteration(
  service: ServiceDefinition,
  subject: FloorSubject,
  httpBody: unknown,
): Promise<() => Promise<string>> {
  const serialize = await listSerializer(subject.routes, service.listPath);
  const once = async () => serialize(await subject.list());
  if (!isDeepStrictEqual(JSON.parse(await once()), httpBody)) {
    throw new Error(
      `${service.name}: the floor's JSON differs from GET ${service.listPath} over HTTP; it would not measure the same work`,
    );
  }
  return once;
}

/** `total` iterations shared by `concurrency` loops as evenly as they divide; no loop without any. */
export function splitIterations(total: number, concurrency: number): number[] {
  if (!Number.isInteger(total) || total < 0)
    throw new Error(`iterations must be a whole number, got ${total}`);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error(`concurrency must be a positive whole number, got ${concurrency}`);
  const loops = Math.min(total, concurrency);
  return Array.from({ length: loops }, (_, i) => Math.floor(total / loops) + (i < total % loops ? 1 : 0));
}

/**
 * Runs `total` iterations as `concurrency` loops in flight at once, each awaiting its own list before
 * the next, as `concurrency` connections keep as many requests in a service at once.
 */
export async function runLoops(
  once: () => Promise<unknown>,
  total: number,
  concurrency: number,
): Promise<void> {
  await Promise.all(
    splitIterations(total, concurrency).map(async (count) => {
      for (let i = 0; i < count; i++) await once();
    }),
  );
}
