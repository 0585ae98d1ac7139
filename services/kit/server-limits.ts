import { type ServerOptions, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { problemType } from './problem.js';

/** How long a client may take: the whole request, an idle socket, a kept-alive socket between requests. */
export interface TimeoutLimits {
  /** Receiving a request's headers and body must finish within this (slow-body clients are cut off). */
  requestTimeoutMs: number;
  /** A socket with no traffic at all for this long is closed. */
  connectionTimeoutMs: number;
  /** An idle kept-alive socket is closed after this (above the ALB's idle timeout is not needed: it opens new ones). */
  keepAliveTimeoutMs: number;
}

/** Headers larger than this answer 431 (Node's own limit, stated here so it is documented and tested). */
export const MAX_HEADER_BYTES = 16 * 1024;

const CLIENT_ERRORS: Record<string, { status: number; slug: string; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    slug: 'request-timeout',
    detail: 'the request was not received in time',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    slug: 'headers-too-large',
    detail: `request headers exceed ${MAX_HEADER_BYTES} bytes`,
  },
};

/**
 * Answers what Node's HTTP parser rejects before Fastify sees a request (headers too large, a
 * request that took too long, unparseable bytes) as problem+json, then closes the socket.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = (error.code && CLIENT_ERRORS[error.code]) || {
    status: 400,
    slug: 'malformed-request',
    detail: 'the request is not valid HTTP',
  };
  const title = STATUS_CODES[known.status] ?? 'Error';
  const body = JSON.stringify({
    type: problemType(known.slug),
    title,
    status: known.status,
    detail: known.detail,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${known.status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** The Fastify server options that bound how long and how much a client may hold a connection. */
export function serverLimitOptions(limits: TimeoutLimits): {
  connectionTimeout: number;
  keepAliveTimeout: number;
  requestTimeout: number;
  clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => void;
  http: ServerOptions;
} {
  return {
    connectionTimeout: limits.connectionTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    clientErrorHandler: answerClientError,
    http: {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.requestTimeoutMs, 10_000),
      maxHeaderSize: MAX_HEADER_BYTES,
      // Node checks request deadlines on this interval (30 s by default), so it bounds how late a
      // slow client is cut off.
      connectionsCheckingInterval: Math.min(1_000, limits.requestTimeoutMs),
    },
  };
}
