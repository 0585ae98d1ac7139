import { Ajv, type ErrorObject, type Options } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { addStrictDateFormats } from './strict-formats.js';

const addFormats = (ajvFormats as unknown as { default: typeof ajvFormats.default }).default;

const common: Options = {
  // Stop at the first error: with every error collected, a body of many bad items costs time and
  // memory in proportion (ajv's own advice for untrusted input); one error names the field to fix.
  allErrors: false,
  removeAdditional: false,
  useDefaults: true,
  strict: false,
  messages: true,
};

function buildAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...common, coerceTypes });
  addFormats(ajv);
  addStrictDateFormats(ajv);
  return ajv;
}

/**
 * Bodies are validated strictly (a string is never turned into a number); query strings, path
 * parameters and headers are text on the wire, so there scalar types are coerced.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = buildAjv(false);
  const coercing = buildAjv('array');
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing;
    return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
  };
}

export interface FieldError {
  in: string;
  field: string;
  message: string;
}

/** Turns Ajv errors into "which field, which rule" entries for the problem body. */
export function describeValidationErrors(errors: Partial<ErrorObject>[], part: string): FieldError[] {
  return errors.map((error) => {
    const params = (error.params ?? {}) as Record<string, unknown>;
    let field = error.instancePath ?? '';
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'additionalProperties') {
      field = `${field}/${String(params.additionalProperty)}`;
      message = 'is not an allowed field';
    } else if (error.keyword === 'required') {
      field = `${field}/${String(params.missingProperty)}`;
      message = 'is required';
    }
    return { in: part, field: field || '/', message };
  });
}
