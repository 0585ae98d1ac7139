import { paginationQueryProperties } from './pagination.js';
import { problemResponses } from './problem.js';

/** JSON schema fragments the services' v1 APIs share: ids, timestamps, vocabularies, params and list queries. */
export const uuidSchema = { type: 'string', format: 'uuid' } as const;
export const nullableUuidSchema = { type: ['string', 'null'], format: 'uuid' } as const;
export const timestampSchema = { type: 'string', format: 'date-time' } as const;
/** Largest PostgreSQL `integer` / MySQL `INT`. */
export const INT4_MAX = 2_147_483_647;
/** Largest MySQL `INT UNSIGNED`. */
export const UINT4_MAX = 4_294_967_295;
/**
 * Largest integer a `bigint` column takes that also survives JSON in JavaScript exactly (2^53 - 1);
 * anything above (`1e20`) would overflow the column or lose digits.
 */
export const INT8_SAFE_MAX = Number.MAX_SAFE_INTEGER;
/** An integer from `minimum` to `maximum`: give every integer field the maximum its column holds. */
export const integerIn = <Min extends number, Max extends number>(minimum: Min, maximum: Max) =>
  ({ type: 'integer', minimum, maximum }) as const;
/** A non-negative amount in cents stored in a `bigint` column. */
export const centsSchema = integerIn(0, INT8_SAFE_MAX);
/** A string from a fixed vocabulary; the schema keeps the literal values, so routes are typed by them. */
export const enumOf = <const V extends readonly string[]>(values: V) =>
  ({ type: 'string', enum: values }) as const;

/** Path parameters with one required id, a uuid unless told otherwise. */
export const idParams = <N extends string = 'id', S extends object = typeof uuidSchema>(
  name: N = 'id' as N,
  schema: S = uuidSchema as unknown as S,
) =>
  ({
    type: 'object',
    properties: { [name]: schema } as { [K in N]: S },
    required: [name] as [N],
    additionalProperties: false,
  }) as const;

/** A paginated list's querystring: `limit`, `cursor` and the list's own filters, nothing else. */
export const listQuery = <F extends Record<string, object>>(filters: F) =>
  ({
    type: 'object',
    properties: { ...paginationQueryProperties, ...filters },
    additionalProperties: false,
  }) as const;

/** The problem responses of each kind of route that reads or writes a resource. */
export const routeProblems = {
  list: problemResponses(400, 401, 403, 503),
  lookup: problemResponses(400, 401, 403, 404, 503),
  create: problemResponses(400, 401, 403, 409, 413, 415, 422, 503),
  change: problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 503),
};
