/**
 * `SchemaType` is checked by the type-checker: each `expectTypeOf` below fails `npm run typecheck`
 * when the inferred request type drifts from what Ajv lets through. The schemas are the kit's own
 * fragments and shapes the services' routes use.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { pageSchema } from '../pagination.js';
import type { SchemaType } from '../schema-type.js';
import { enumOf, type idParams, listQuery, type nullableUuidSchema, type uuidSchema } from '../schemas.js';

describe('SchemaType', () => {
  it('types scalars, type lists, enums and consts', () => {
    expectTypeOf<SchemaType<typeof uuidSchema>>().toEqualTypeOf<string>();
    expectTypeOf<SchemaType<typeof nullableUuidSchema>>().toEqualTypeOf<string | null>();
    expectTypeOf<SchemaType<{ type: 'integer' }>>().toEqualTypeOf<number>();
    expectTypeOf<SchemaType<{ type: 'boolean' }>>().toEqualTypeOf<boolean>();
    expectTypeOf<SchemaType<ReturnType<typeof enumOf<['draft', 'active']>>>>().toEqualTypeOf<
      'draft' | 'active'
    >();
    expectTypeOf<SchemaType<{ const: 'v1' }>>().toEqualTypeOf<'v1'>();
    expectTypeOf<SchemaType<{ description: 'no type' }>>().toEqualTypeOf<unknown>();
  });

  it('makes required and defaulted properties required, the others optional', () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
        note: { type: ['string', 'null'] },
        limit: { type: 'integer', default: 20 },
      },
      required: ['name'],
      additionalProperties: false,
    } as const;
    expectTypeOf<SchemaType<typeof schema>>().toEqualTypeOf<{
      name: string;
      limit: number;
      tags?: ('a' | 'b')[];
      note?: string | null;
    }>();
  });

  it('types the kit’s path parameters and list queries', () => {
    expectTypeOf<SchemaType<ReturnType<typeof idParams<'accountId'>>>>().toEqualTypeOf<{
      accountId: string;
    }>();
    const query = listQuery({ status: enumOf(['open', 'closed']) });
    expectTypeOf<SchemaType<typeof query>['status']>().toEqualTypeOf<'open' | 'closed' | undefined>();
    expectTypeOf<SchemaType<typeof query>['limit']>().toEqualTypeOf<number>();
  });

  it('types records and arrays of objects', () => {
    expectTypeOf<SchemaType<{ type: 'object'; additionalProperties: { type: 'number' } }>>().toEqualTypeOf<
      Record<string, number>
    >();
    expectTypeOf<SchemaType<ReturnType<typeof pageSchema>>>().toEqualTypeOf<{
      items: unknown[];
      nextCursor: string | null;
    }>();
  });
});
