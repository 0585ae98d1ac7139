import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyTypeProvider } from 'fastify';
import type { SchemaType } from './schema-type.js';

/**
 * Each route's JSON schema is the one definition of its request types: `SchemaType` infers
 * `request.body`, `params`, `querystring` and `headers` from the `as const` schema Ajv validates
 * with, so handlers need no casts. Responses are left to the serializer (fast-json-stringify
 * writes exactly the schema's fields), so a handler may return domain objects with `Date`s.
 */
export interface KitTypeProvider extends FastifyTypeProvider {
  validator: SchemaType<this['schema']>;
  serializer: unknown;
}

/** The API scope a service registers its routes on: typed by its schemas. */
export type ServiceApi = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  KitTypeProvider
>;
