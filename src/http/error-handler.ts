import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import { ErrorCode } from '../graphql/errors';
import { errorsTotal } from '../graphql/metrics';
import { HttpError } from './http-error';

interface Described {
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: string;
  readonly headers: Record<string, string>;
}

const BY_STATUS: Record<number, ErrorCode> = {
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.RATE_LIMITED,
};

function describe(error: FastifyError | HttpError, bodyLimit: number, expose: boolean): Described {
  if (error instanceof HttpError) {
    return {
      status: error.statusCode,
      code: error.code,
      message: error.message,
      headers: error.headers,
    };
  }
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) {
    const message = expose ? error.message : 'Internal server error';
    return { status, code: ErrorCode.INTERNAL_SERVER_ERROR, message, headers: {} };
  }
  const message =
    status === 413 ? `Request body is larger than the limit of ${bodyLimit} bytes.` : error.message;
  return { status, code: BY_STATUS[status] ?? ErrorCode.BAD_REQUEST, message, headers: {} };
}

/** Bytes of an oversize body read (and dropped) after the 413, so the client can read it. */
export const OVERSIZE_DRAIN_BYTES = 8 * 1024 * 1024;

/**
 * Answering 413 and closing while the client still sends makes the kernel reset the
 * connection, and many clients then report the reset instead of the 413. So the rest of the
 * body is read and dropped, up to OVERSIZE_DRAIN_BYTES (and the request timeout), and the
 * connection stays usable; a body known or found to be larger is cut off as before.
 */
function drainOversizeBody(raw: IncomingMessage): boolean {
  const declared = Number(raw.headers['content-length']);
  if (raw.complete || declared > OVERSIZE_DRAIN_BYTES) return false;
  let drained = 0;
  raw.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > OVERSIZE_DRAIN_BYTES) raw.socket.destroy();
  });
  raw.resume();
  return true;
}

/**
 * Errors raised outside GraphQL execution (body parsing, size, media type, CSRF, rate limits,
 * timeouts, unknown routes) answered in the GraphQL error shape with a code. Server faults are
 * logged with the request id and, in production, answered without their message.
 */
export function registerErrorHandling(
  app: FastifyInstance,
  { bodyLimit, exposeDetails }: { bodyLimit: number; exposeDetails: boolean },
): void {
  app.setErrorHandler<FastifyError | HttpError>((error, request, reply) => {
    const { status, code, message, headers } = describe(error, bodyLimit, exposeDetails);
    if (status >= 500 && code === ErrorCode.INTERNAL_SERVER_ERROR) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code, status }, message);
    }
    errorsTotal.inc({ code });
    // Fastify asks to close the connection after a body error; a drained body keeps it.
    if (status === 413 && drainOversizeBody(request.raw)) reply.removeHeader('connection');
    return reply
      .code(status)
      .headers(headers)
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message, extensions: { code } }] });
  });
  app.setNotFoundHandler((request, reply) => {
    errorsTotal.inc({ code: ErrorCode.NOT_FOUND });
    return reply.code(404).send({
      errors: [
        {
          message: `No route ${request.method} ${request.url.split('?')[0]}`,
          extensions: { code: ErrorCode.NOT_FOUND },
        },
      ],
    });
  });
}
