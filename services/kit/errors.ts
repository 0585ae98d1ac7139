import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isConnectionError } from './connection-errors.js';
import {
  DependencyUnavailableError,
  HttpProblem,
  PROBLEM_CONTENT_TYPE,
  problemType,
  requestPath,
} from './problem.js';
import { boundProblem } from './problem-bounds.js';
import { describeValidationErrors } from './validation.js';

const BODY_PROBLEMS: Record<string, () => HttpProblem> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () =>
    new HttpProblem(400, 'request body is not valid JSON', { type: problemType('malformed-body') }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new HttpProblem(400, 'request body is empty but the content type is JSON', {
      type: problemType('malformed-body'),
    }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new HttpProblem(400, 'content-length does not match the body', { type: problemType('malformed-body') }),
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new HttpProblem(413, 'request body exceeds the size limit', { type: problemType('body-too-large') }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new HttpProblem(415, 'content type is not supported; send application/json', {
      type: problemType('unsupported-media-type'),
    }),
};

/** Maps anything thrown during a request to the problem that may be shown to the client. */
export function toHttpProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) {
    const part = fastifyError.validationContext ?? 'request';
    return new HttpProblem(400, `${part} does not match the schema`, {
      type: problemType('validation'),
      extensions: { errors: describeValidationErrors(fastifyError.validation, part) },
    });
  }
  const known = fastifyError.code ? BODY_PROBLEMS[fastifyError.code] : undefined;
  if (known) return known();
  if (isConnectionError(error))
    return new DependencyUnavailableError('database', 'the database is unavailable', error);
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpProblem(status, fastifyError.message ?? 'request rejected');
  }
  return new HttpProblem(500, 'an unexpected error occurred; quote the request id when reporting it', {
    type: problemType('internal'),
    cause: error,
  });
}

/**
 * Answers `error` as problem+json. Also Fastify's `frameworkErrors` handler, for what its router
 * rejects before any route runs (a malformed URL, a path parameter over the length limit).
 */
export function replyWithProblem(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const problem = toHttpProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, `request failed: ${problem.message}`);
  else request.log.info({ status: problem.status, detail: problem.message }, 'request rejected');
  reply
    .code(problem.status)
    .headers(problem.headers)
    .type(PROBLEM_CONTENT_TYPE)
    .send(boundProblem({ ...problem.toProblem(requestPath(request.url)), requestId: request.id }));
}

/** Every error and every unknown route answers with RFC 9457 problem+json, never a stack trace. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler(replyWithProblem);

  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        boundProblem({
          type: problemType('not-found'),
          title: 'Not Found',
          status: 404,
          detail: `no route for ${request.method} ${requestPath(request.url)}`,
          instance: requestPath(request.url),
          requestId: request.id,
        }),
      );
  });
}
