import { idempotencyTableStatements, type Migration } from '../../../kit/index.js';

/** Idempotency-Key outcomes, per tenant, beside the rows the requests wrote (row-level security forced). */
export const idempotencyKeys: Migration = {
  version: 3,
  name: 'idempotency-keys',
  statements: idempotencyTableStatements('postgres'),
};
