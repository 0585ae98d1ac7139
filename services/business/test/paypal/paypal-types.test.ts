import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { GENERATED_TYPES, renderPayPalTypes } from '../../infrastructure/paypal/openapi/generate-types.js';

describe('PayPal API types', () => {
  it('match the vendored OpenAPI documents (npm run paypal:types regenerates them)', async () => {
    expect(await readFile(GENERATED_TYPES, 'utf8')).toBe(await renderPayPalTypes());
  }, 120_000);
});
