import { HttpProblem, problemType } from '../../kit/index.js';

/** A body field names a record that does not exist: the request is understood but cannot be applied. */
export function unknownReference(field: string, detail: string): HttpProblem {
  return new HttpProblem(422, detail, {
    type: problemType('unknown-reference'),
    extensions: { errors: [{ in: 'body', field: `/${field}`, message: 'does not exist' }] },
  });
}
