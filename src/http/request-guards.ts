import { getOperationAST, parse } from 'graphql';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { ErrorCode } from '../graphql/errors';
import { HttpError } from './http-error';

/** Refusals of requests that GraphQL over HTTP (or our limits) do not allow. */

/**
 * GraphQL over HTTP: GET may only run queries. Apollo checks that after validation, so a
 * mutation against a schema without mutations would get 400; this answers 405 (Allow: POST)
 * for any non-query operation, as the spec asks.
 */
export function getQueriesOnly(maxTokens: number): preHandlerAsyncHookHandler {
  return (request) => {
    if (request.method !== 'GET') return Promise.resolve();
    const { query, operationName } = request.query as Record<string, unknown>;
    if (typeof query !== 'string' || !/\b(mutation|subscription)\b/.test(query)) {
      return Promise.resolve();
    }
    let kind: string | undefined;
    try {
      const document = parse(query, { maxTokens, noLocation: true });
      kind = getOperationAST(
        document,
        typeof operationName === 'string' ? operationName : undefined,
      )?.operation;
    } catch {
      return Promise.resolve(); // Apollo reports the syntax error.
    }
    if (kind === 'mutation' || kind === 'subscription') {
      throw new HttpError(
        405,
        ErrorCode.METHOD_NOT_ALLOWED,
        `GET requests only run queries; send a ${kind} with POST.`,
        { allow: 'POST' },
      );
    }
    return Promise.resolve();
  };
}

/** Batches are allowed (Apollo), but no more operations per request than configured. */
export function batchLimit(maxBatch: number): preHandlerAsyncHookHandler {
  return (request) => {
    if (Array.isArray(request.body) && request.body.length > maxBatch) {
      throw new HttpError(
        400,
        ErrorCode.TOO_MANY_OPERATIONS,
        `A batch holds ${request.body.length} operations; at most ${maxBatch} are allowed.`,
      );
    }
    return Promise.resolve();
  };
}

/** Other methods on /graphql: 405 naming the ones that work. */
export function registerMethodNotAllowed(app: FastifyInstance): void {
  app.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: '/graphql',
    handler: () => {
      throw new HttpError(405, ErrorCode.METHOD_NOT_ALLOWED, 'Use GET or POST.', {
        allow: 'GET, POST',
      });
    },
  });
}
