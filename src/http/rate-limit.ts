import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Config } from '../config';
import { ErrorCode } from '../graphql/errors';
import { HttpError } from './http-error';
import { searchUseOf } from './search-operation';

export interface RateLimitDeps {
  readonly config: Config;
  /** Query text of an Automatic Persisted Query by its hash. */
  readonly persistedQuery: (sha256: string) => Promise<string | undefined>;
}

/**
 * Per-client rate limits for /graphql (429 with Retry-After), with three budgets per window:
 * RATE_LIMIT_SEARCH_MAX for requests that ask for `search`, RATE_LIMIT_SUGGEST_MAX for type-ahead
 * (`suggest` alone), RATE_LIMIT_MAX for everything else. The client is its address (through
 * TRUST_PROXY), or, behind a trusted proxy that names users, the value of RATE_LIMIT_KEY_HEADER.
 * It runs as a preHandler, after the body is parsed, so the operation can be inspected.
 */
export async function createRateLimit(
  app: FastifyInstance,
  { config, persistedQuery }: RateLimitDeps,
): Promise<preHandlerAsyncHookHandler> {
  const { max, searchMax, suggestMax, windowMs, keyHeader } = config.http.rateLimit;
  const budgets: Record<string, number> = { search: searchMax, suggest: suggestMax };
  const clientOf = (request: FastifyRequest): string => {
    const named = keyHeader ? request.headers[keyHeader] : undefined;
    return typeof named === 'string' && named.trim()
      ? `key ${named.trim().slice(0, 200)}`
      : request.ip;
  };
  await app.register(rateLimit, { global: false });
  return app.rateLimit({
    hook: 'preHandler',
    timeWindow: windowMs,
    keyGenerator: async (request) => {
      const use = await searchUseOf(request, persistedQuery, config.limits.maxTokens);
      return `${use ?? 'read'}|${clientOf(request)}`;
    },
    max: (_request, key) => budgets[key.slice(0, key.indexOf('|'))] ?? max,
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        ErrorCode.RATE_LIMITED,
        `Too many requests from this client: at most ${context.max} per ${windowMs / 1000} s. Retry in ${context.after}.`,
      ),
  });
}
