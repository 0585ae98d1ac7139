import { STATUS_CODES } from 'node:http';

/** An RFC 9457 problem details object, as sent with `application/problem+json`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** A problem's `instance`: the request's path, never its query string (which may carry tokens or e-mails). */
export const requestPath = (url: string) => url.split('?')[0] ?? url;

/** Problem type URIs: stable identifiers clients can switch on (not meant to be dereferenced). */
export const problemType = (slug: string) => `urn:promptsales:problem:${slug}`;

/**
 * An error that becomes a problem+json response with its own status. Throw it from handlers,
 * use cases or ports; anything else that reaches the error handler becomes a 500 without details.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    detail: string,
    options: {
      type?: string;
      title?: string;
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpProblem';
    this.status = status;
    this.type = options.type ?? 'about:blank';
    this.title = options.title ?? STATUS_CODES[status] ?? 'Error';
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  toProblem(instance?: string): ProblemDetails {
    return {
      ...this.extensions,
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
    };
  }
}

export const badRequest = (detail: string, extensions?: Record<string, unknown>) =>
  new HttpProblem(400, detail, { type: problemType('invalid-request'), extensions });

export const notFound = (detail: string) => new HttpProblem(404, detail, { type: problemType('not-found') });

export const conflict = (detail: string) => new HttpProblem(409, detail, { type: problemType('conflict') });

export const forbidden = (detail: string, type = problemType('forbidden')) =>
  new HttpProblem(403, detail, { type });

/** A dependency (database, another domain's facade, the identity provider) is unavailable. */
export class DependencyUnavailableError extends HttpProblem {
  constructor(
    readonly dependency: string,
    detail = `${dependency} is unavailable`,
    cause?: unknown,
  ) {
    super(503, detail, {
      type: problemType('dependency-unavailable'),
      extensions: { dependency },
      headers: { 'retry-after': '5' },
      cause,
    });
    this.name = 'DependencyUnavailableError';
  }
}

/** JSON schema of a problem body, for OpenAPI responses. */
export const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
  },
  required: ['type', 'title', 'status'],
  additionalProperties: true,
} as const;

/** Response schemas for the listed error statuses, all the shared `Problem` schema (for OpenAPI). */
export function problemResponses(...statuses: number[]): Record<number, { $ref: string }> {
  return Object.fromEntries(statuses.map((status) => [status, { $ref: 'Problem#' }]));
}
