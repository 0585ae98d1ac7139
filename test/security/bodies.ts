import { randomUUID } from 'node:crypto';
import type { JsonSchema } from './openapi.js';

/** What seeding has created for a tenant, by kind (`brief`, `campaign`…), and the tenant itself. */
export interface Refs {
  tenant: string;
  ids: Map<string, string[]>;
}

/** The resource kind a property or path parameter names: `briefId` → `brief`, `assetIds` → `asset`. */
export function kindOfName(name: string): string | undefined {
  const match = /^(.+?)Ids?$/.exec(name);
  return match?.[1];
}

/** The kind of `{param}` in `path`: `{campaignId}` → campaign; `{id}` after `/briefs` → brief. */
export function kindOfPathParam(path: string, param: string): string | undefined {
  if (param !== 'id') return kindOfName(param);
  const before = path.split(`/{${param}}`)[0]?.split('/').pop() ?? '';
  return before.replace(/ies$/, 'y').replace(/s$/, '');
}

const typeOf = (schema: JsonSchema) =>
  (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type) ?? 'object';

/** Sample strings for the patterns the documents use; free text otherwise. */
const PATTERN_SAMPLES: [RegExp, () => string][] = [
  [/^\^\[a-z\]\{2,3\}/, () => 'es-CR'],
  [/^\^\[A-Z\]\{3\}\$$/, () => 'USD'],
  [/^\^\[A-Z\]\{2\}\$$/, () => 'CR'],
  [/^\^\[A-Z\]\$$/, () => 'A'],
  [/\\\.\[a-z\]/, () => 'promptads.campaigns'],
  [/^\^\(https/, () => 'https://cdn.example.com/asset.png'],
  [/^\^https\?/, () => 'https://example.com'],
  [/^\^\\\+\?/, () => '+506 8888 7777'],
  [/^\^\[a-z0-9\]\+\(-/, () => 'retail'],
  [/^\^\[A-Za-z0-9_-\]\+\$$/, () => 'c2VjdXJpdHk'],
];

function sampleString(schema: JsonSchema, name: string, refs: Refs): string | string[] | undefined {
  const known = refs.ids.get(kindOfName(name) ?? name)?.[0];
  if (known !== undefined) return known;
  if (schema.format === 'uuid') return undefined;
  if (schema.format === 'email') return `sec-${randomUUID().slice(0, 8)}@example.com`;
  if (schema.format === 'date') return '2026-03-01';
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.pattern) {
    // An account id that is not a UUID is the tenant id.
    if (/accountId/i.test(name) || /A-Za-z0-9_-\]\{1,64\}/.test(schema.pattern)) return refs.tenant;
    if (/\^\[a-z0-9\]\[a-z0-9-\]\{0,63\}\$/.test(schema.pattern))
      return `sec-${name}-${randomUUID().slice(0, 8)}`;
    const sample = PATTERN_SAMPLES.find(([pattern]) => pattern.test(schema.pattern!));
    if (sample) return sample[1]();
  }
  return `security check ${name}`.slice(0, schema.maxLength ?? 200);
}

/**
 * A value `schema` accepts, with every required property and the optional ones it can fill (an
 * optional reference to a kind seeding did not create is left out). Uses the first enum value.
 */
export function sampleValue(schema: JsonSchema | undefined, name: string, refs: Refs): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variant = schema.anyOf ?? schema.oneOf;
  if (variant) return sampleValue(variant.find((v) => typeOf(v) !== 'null') ?? variant[0], name, refs);
  switch (typeOf(schema)) {
    case 'string':
      return sampleString(schema, name, refs);
    case 'integer':
    case 'number':
      return Math.max(
        schema.minimum ?? 1,
        schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1,
      );
    case 'boolean':
      return true;
    case 'array': {
      if (schema.items?.format === 'uuid') {
        const ids = refs.ids.get(kindOfName(name) ?? name);
        return ids && ids.length > 0 ? ids : undefined;
      }
      const count = Math.max(schema.minItems ?? 1, 1);
      return Array.from({ length: count }, (_, i) => {
        const item = schema.items?.enum ? schema.items.enum[i % schema.items.enum.length] : undefined;
        return item ?? sampleValue(schema.items, name, refs);
      });
    }
    case 'object': {
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
        const value = sampleValue(property, key, refs);
        if (value === undefined && !required.has(key)) return [];
        return [[key, value] as const];
      });
      return Object.fromEntries(entries);
    }
    default:
      return undefined;
  }
}

/** Every string property of an object schema (one level of nesting), as paths into the body. */
export function stringFields(schema: JsonSchema | undefined, prefix: string[] = []): string[][] {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).flatMap(([key, property]) => {
    const variant = property.anyOf?.find((v) => typeOf(v) !== 'null') ?? property;
    const type = typeOf(variant);
    if (type === 'string' && !variant.enum) return [[...prefix, key]];
    if (type === 'object' && prefix.length === 0) return stringFields(variant, [...prefix, key]);
    return [];
  });
}

/** Fields of `schema` (one level deep) whose schema satisfies `test`. */
export function fieldsWhere(
  schema: JsonSchema | undefined,
  test: (property: JsonSchema) => boolean,
  prefix: string[] = [],
): string[][] {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).flatMap(([key, property]) => {
    const variant = property.anyOf?.find((v) => typeOf(v) !== 'null') ?? property;
    const here = test(variant) ? [[...prefix, key]] : [];
    const nested =
      typeOf(variant) === 'object' && prefix.length === 0 ? fieldsWhere(variant, test, [key]) : [];
    return [...here, ...nested];
  });
}

export { typeOf };

/** A deep copy of `body` with the field at `path` set to `value`. */
export function withField(body: unknown, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone((body ?? {}) as Record<string, unknown>);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    node[key] = { ...((node[key] as Record<string, unknown> | undefined) ?? {}) };
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
  return copy;
}

export const uuid = randomUUID;
