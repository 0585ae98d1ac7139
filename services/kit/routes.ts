import type { FastifyReply, FastifyRequest } from 'fastify';
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

interface ResourceRoute {
  scopes: { read: string; write: string };
  tag: string;
  /** Names the operation in the OpenAPI document (and the method a generated client gets). */
  operationId: string;
  summary: string;
  /** Response schema of one item. */
  item: object;
}

/*
 * Options of the three routes of a resource collection. Each keeps its schema's literal type, so
 * the kit's type provider derives `request.body`, `request.query` and `request.params` from it:
 * `api.post(path, createRoute({ ..., body }), async (request) => use(request.body))`.
 */

/** `POST path`: the write scope, 201 with the item, and an optional Idempotency-Key. */
export function createRoute<const B extends object>(route: ResourceRoute & { body: B }) {
  return {
    config: { scopes: [route.scopes.write], idempotency: 'optional' as const },
    schema: {
      tags: [route.tag],
      operationId: route.operationId,
      summary: route.summary,
      body: route.body,
      response: { 201: route.item, ...routeProblems.create },
    },
  };
}

/** `GET path`: the read scope, the querystring's `limit` and `cursor` are the page, the rest the filter. */
export function listRoute<const Q extends object>(route: ResourceRoute & { querystring: Q }) {
  return {
    config: { scopes: [route.scopes.read] },
    schema: {
      tags: [route.tag],
      operationId: route.operationId,
      summary: route.summary,
      querystring: route.querystring,
      response: { 200: pageSchema(route.item), ...routeProblems.list },
    },
  };
}

/** `GET path/:id`: the read scope, a uuid `id`. */
export function getRoute(route: ResourceRoute) {
  return {
    config: { scopes: [route.scopes.read] },
    schema: {
      tags: [route.tag],
      operationId: route.operationId,
      summary: route.summary,
      params: idParams(),
      response: { 200: route.item, ...routeProblems.lookup },
    },
  };
}
