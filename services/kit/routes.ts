import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageSchema } from './pagination.js';
import { idParams, routeProblems } from './schemas.js';

/** The page a list request asks for: how many items, after which cursor. */
export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

/** Route configs that require a service's read or write scope. */
export function scopeConfigs(scopes: { read: string; write: string }) {
  return { read: { scopes: [scopes.read] }, write: { scopes: [scopes.write] } };
}

/** A `201 Created` whose `location` is the new resource under the collection the request posted to. */
export function created(reply: FastifyReply, request: FastifyRequest, id: string) {
  return reply.code(201).header('location', `${request.url.split('?')[0]}/${id}`);
}

/**
 * The three routes of a resource collection: `POST path` creates (201 with `location`), `GET path`
 * lists a page (the querystring's `limit` and `cursor` are the page, the rest the filter) and
 * `GET path/:id` reads one.
 */
export function resourceRoutes<New, Filter extends object>(
  api: FastifyInstance,
  resource: {
    /** The collection's path, e.g. `/briefs`. */
    path: string;
    tag: string;
    /** Response schema of one item, as created, listed and (unless `get.response` says otherwise) read. */
    item: object;
    scopes: { read: string; write: string };
    create: {
      /** Names the operation in the OpenAPI document (and the method a generated client gets). */
      operationId: string;
      summary: string;
      body: object;
      run: (body: New, request: FastifyRequest) => Promise<{ id: string }>;
    };
    list: {
      operationId: string;
      summary: string;
      querystring: object;
      run: (filter: Filter, page: PageQuery, request: FastifyRequest) => Promise<unknown>;
    };
    get: {
      operationId: string;
      summary: string;
      response?: object;
      run: (id: string, request: FastifyRequest) => Promise<unknown>;
    };
  },
): void {
  const { path, tag, item, create, list, get } = resource;
  const { read, write } = scopeConfigs(resource.scopes);

  api.post<{ Body: New }>(
    path,
    {
      config: write,
      schema: {
        tags: [tag],
        operationId: create.operationId,
        summary: create.summary,
        body: create.body,
        response: { 201: item, ...routeProblems.create },
      },
    },
    async (request, reply) => {
      const entity = await create.run(request.body as New, request);
      return created(reply, request, entity.id).send(entity);
    },
  );

  api.get<{ Querystring: PageQuery & Record<string, unknown> }>(
    path,
    {
      config: read,
      schema: {
        tags: [tag],
        operationId: list.operationId,
        summary: list.summary,
        querystring: list.querystring,
        response: { 200: pageSchema(item), ...routeProblems.list },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return list.run(filter as Filter, { limit, cursor }, request);
    },
  );

  api.get<{ Params: { id: string } }>(
    `${path}/:id`,
    {
      config: read,
      schema: {
        tags: [tag],
        operationId: get.operationId,
        summary: get.summary,
        params: idParams(),
        response: { 200: get.response ?? item, ...routeProblems.lookup },
      },
    },
    async (request) => get.run(request.params.id, request),
  );
}
