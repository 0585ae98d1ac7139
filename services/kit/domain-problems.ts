import type { FastifyInstance } from 'fastify';
import { ConflictError, NotFoundError, UnprocessableError } from './domain-errors.js';
import { conflict, HttpProblem, notFound, problemType } from './problem.js';

/** The problem a domain error stands for; anything else passes through unchanged. */
export function domainErrorToProblem(error: unknown): unknown {
  if (error instanceof NotFoundError) return notFound(error.message);
  if (error instanceof ConflictError) return conflict(error.message);
  if (error instanceof UnprocessableError) {
    return new HttpProblem(422, error.message, {
      type: problemType('unprocessable'),
      extensions: { errors: [{ in: 'body', field: `/${error.field}`, message: error.message }] },
    });
  }
  return error;
}

/**
 * Translates domain errors inside an API's scope, then hands them to the kit's handler (an error
 * thrown by a scoped handler propagates to the parent's), which renders problem+json.
 */
export function translateDomainErrors(api: FastifyInstance): void {
  api.setErrorHandler(async (error) => {
    throw domainErrorToProblem(error);
  });
}
