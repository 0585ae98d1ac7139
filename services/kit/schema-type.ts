/**
 * The TypeScript type of a JSON schema written `as const`, for the keywords the routes' schemas use:
 * `type` (one or a list), `enum`, `const`, `properties`, `required`, `default`, `items` and
 * `additionalProperties`. Anything else (formats, bounds, patterns) only narrows values Ajv checks
 * at run time and leaves the type as it is.
 *
 * As json-schema-to-ts does by default: a property is required when `required` names it or it has
 * a `default` (Ajv fills it in before the handler runs), the others are optional. An object's type
 * holds its declared `properties` only; an object schema without `properties` is a record of its
 * `additionalProperties` schema.
 *
 * Written here rather than inferred by json-schema-to-ts' `FromSchema`, which covers all of JSON
 * Schema (combinators, references, conditionals) at several times the type-checking cost.
 */
export type SchemaType<S> = S extends { const: infer C }
  ? C
  : S extends { enum: readonly (infer V)[] }
    ? V
    : S extends { type: infer T }
      ? T extends readonly (infer Each)[]
        ? TypeOf<S, Each>
        : TypeOf<S, T>
      : unknown;

type TypeOf<S, T> = T extends 'string'
  ? string
  : T extends 'integer' | 'number'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'null'
        ? null
        : T extends 'array'
          ? S extends { items: infer I }
            ? SchemaType<I>[]
            : unknown[]
          : T extends 'object'
            ? ObjectType<S>
            : unknown;

type ObjectType<S> = S extends { properties: infer P }
  ? Flatten<
      { -readonly [K in keyof P as K extends RequiredKey<S, P> ? K : never]: SchemaType<P[K]> } & {
        -readonly [K in keyof P as K extends RequiredKey<S, P> ? never : K]?: SchemaType<P[K]>;
      }
    >
  : S extends { additionalProperties: infer A extends object }
    ? Record<string, SchemaType<A>>
    : Record<string, unknown>;

type RequiredKey<S, P> =
  | (S extends { required: readonly (infer K)[] } ? K : never)
  | { [K in keyof P]: P[K] extends { default: unknown } ? K : never }[keyof P];

type Flatten<T> = { [K in keyof T]: T[K] };
