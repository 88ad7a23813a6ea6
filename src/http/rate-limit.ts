import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { Config } from '../config';
import { ErrorCode } from '../graphql/errors';
import { HttpError } from './http-error';
import { requestsSearch } from './search-operation';

export interface RateLimitDeps {
  readonly config: Config;
  /** Query text of an Automatic Persisted Query by its hash. */
  readonly persistedQuery: (sha256: string) => Promise<string | undefined>;
}

/**
 * Per-client-IP rate limits for /graphql (429 with Retry-After): RATE_LIMIT_MAX requests per
 * window, and a separate, stricter RATE_LIMIT_SEARCH_MAX for requests that ask for `search`.
 * It runs as a preHandler, after the body is parsed, so the operation can be inspected.
 */
export async function createRateLimit(
  app: FastifyInstance,
  { config, persistedQuery }: RateLimitDeps,
): Promise<preHandlerAsyncHookHandler> {
  const { max, searchMax, windowMs } = config.http.rateLimit;
  await app.register(rateLimit, { global: false });
  return app.rateLimit({
    hook: 'preHandler',
    timeWindow: windowMs,
    keyGenerator: async (request) => {
      const searches = await requestsSearch(request, persistedQuery, config.limits.maxTokens);
      return searches ? `search|${request.ip}` : request.ip;
    },
    max: (_request, key) => (key.startsWith('search|') ? searchMax : max),
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        ErrorCode.RATE_LIMITED,
        `Too many requests from this address: at most ${context.max} per ${windowMs / 1000} s. Retry in ${context.after}.`,
      ),
  });
}
