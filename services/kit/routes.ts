import type { FastifyReply, FastifyRequest } from 'fastify';

/** Route configs that require a service's read or write scope. */
export function scopeConfigs(scopes: { read: string; write: string }) {
  return { read: { scopes: [scopes.read] }, write: { scopes: [scopes.write] } };
}

/** A `201 Created` whose `location` is the new resource under the collection the request posted to. */
export function created(reply: FastifyReply, request: FastifyRequest, id: string) {
  return reply.code(201).header('location', `${request.url.split('?')[0]}/${id}`);
}
