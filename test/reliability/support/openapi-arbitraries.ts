import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface OpenApiOperation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
}

export interface Route {
  method: string;
  path: string;
  operation: OpenApiOperation;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of an OpenAPI document, e.g. `{ method: 'POST', path: '/api/x/v1/items/{id}' }`. */
export function routesOf(document: { paths?: Record<string, Record<string, OpenApiOperation>> }): Route[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
}

/** Printable ASCII only: what an HTTP client can put in a header or a URL at all. */
export const printable = (maxLength: number) =>
  fc.string({
    maxLength,
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  });

const edgeStrings = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'null',
  'true',
  '[]',
  '{}',
  '../..',
  '%00',
  '\u0000',
  'é',
  'x'.repeat(5_000),
);

/**
 * Values shaped like the schema often enough to get past validation into the handlers, and
 * anything at all otherwise.
 */
export function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const anything = fc.oneof(fc.jsonValue({ maxDepth: 2 }), edgeStrings);
  if (!schema || depth > 3) return anything;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  let shaped: fc.Arbitrary<unknown>;
  if (schema.enum) shaped = fc.constantFrom(...schema.enum);
  else if (type === 'object' && schema.properties) {
    const entries = Object.entries(schema.properties);
    shaped = fc.record(Object.fromEntries(entries.map(([key, value]) => [key, valueFor(value, depth + 1)])), {
      requiredKeys: [],
    });
  } else if (type === 'array') shaped = fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 });
  else if (type === 'integer') shaped = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53));
  else if (type === 'number') shaped = fc.oneof(fc.double(), fc.integer());
  else if (type === 'boolean') shaped = fc.boolean();
  else if (type === 'string')
    shaped = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.uuid(),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      edgeStrings,
    );
  else shaped = anything;
  return fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: anything, weight: 1 });
}

/** A request body: schema-shaped JSON, any JSON, or text that is not JSON at all. */
export function bodyFor(operation: OpenApiOperation): fc.Arbitrary<string | undefined> {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  return fc.oneof(
    { arbitrary: valueFor(schema).map((value) => JSON.stringify(value) ?? 'null'), weight: 6 },
    { arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)), weight: 2 },
    { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

/** A query string mixing the operation's parameters with unknown ones. */
export function queryFor(operation: OpenApiOperation): fc.Arbitrary<string> {
  const known = (operation.parameters ?? []).filter((p) => p.in === 'query');
  const names =
    known.length > 0 ? fc.oneof(fc.constantFrom(...known.map((p) => p.name)), printable(12)) : printable(12);
  return fc
    .array(
      fc.tuple(
        names,
        fc.oneof(
          printable(60),
          fc.integer().map(String),
          edgeStrings.filter((s) => s.length < 100),
        ),
      ),
      { maxLength: 5 },
    )
    .map((pairs) => new URLSearchParams(pairs).toString());
}

/** The path with every `{param}` filled: an id that may exist in shape, or anything. */
export function pathFor(route: Route): fc.Arbitrary<string> {
  const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  const value = fc.oneof(fc.uuid(), printable(80), fc.constantFrom('..', '%2F', 'a'.repeat(300), '-1'));
  return fc
    .tuple(...names.map(() => value))
    .map((values) =>
      names.reduce((path, name, i) => path.replace(`{${name}}`, encodeURIComponent(values[i]!)), route.path),
    );
}
