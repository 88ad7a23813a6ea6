import { HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Config } from '../config';
import type { Apollo } from '../graphql/apollo';
import { createContext } from '../graphql/context';
import type { LiveContent, LiveState } from '../graphql/live-content';
import { csrfGuard } from './csrf';
import { EtagMemo } from './etag';
import { batchLimit, getQueriesOnly } from './request-guards';
import { withTimeout } from './timeout';
import { sendGraphiqlPage, wantsGraphiql } from './graphiql/page';
import { GRAPHQL_VARY, sendRepresentation } from './graphql-response';
import { PREVIEW_CACHE_CONTROL, previewGuard } from './preview';
import { requestState } from './request-state';
import { responseKey, type ResponseCache } from './response-cache';

export interface GraphqlRouteDeps {
  readonly config: Config;
  readonly apollo: Apollo;
  readonly live: LiveContent;
  readonly cache?: ResponseCache;
  readonly rateLimit: preHandlerAsyncHookHandler;
}

/**
 * `GET|POST /graphql`: GraphiQL for browsers, otherwise GraphQL over HTTP through the response
 * cache and Apollo Server, with ETags on cacheable GET responses.
 */
export function registerGraphqlRoute(app: FastifyInstance, deps: GraphqlRouteDeps): void {
  const { config, apollo, live, cache } = deps;
  const etags = new EtagMemo<LiveState>();
  const isPreview = previewGuard(config.previewToken);
  app.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    onRequest: [
      (request, _reply, done) => {
        // Every GraphQL request is counted and logged, also when refused before the handler;
        // the content version it will be answered from is taken here, once.
        requestState(request, live.current);
        done();
      },
      csrfGuard,
      (request, _reply, done) => {
        // A wrong or unwanted X-Preview-Token is refused before anything else is done.
        try {
          requestState(request, live.current).preview = isPreview(request);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    ],
    preHandler: [
      batchLimit(config.limits.maxBatch),
      getQueriesOnly(config.limits.maxTokens),
      deps.rateLimit,
    ],
    handler: async (request, reply) => {
      if (wantsGraphiql(request)) {
        request.kb = null; // a page, not a GraphQL request
        return sendGraphiqlPage(reply);
      }
      const state = requestState(request, live.current);
      const version = state.live.snapshot.version;
      // Preview answers hold drafts: they skip the response cache, ETags and shared caches.
      const preview = state.preview === true;
      const key = preview ? undefined : responseKey(request, version, request.headers.accept ?? '');
      const hit = key === undefined ? undefined : cache?.get(key);
      state.cache = hit ? 'HIT' : key === undefined || !cache ? 'BYPASS' : 'MISS';
      void reply.header('x-cache', state.cache);
      if (hit) {
        state.report.operationName = hit.operationName;
        return sendRepresentation(request, reply, {
          ...hit,
          etag: request.method === 'GET' ? hit.etag : undefined,
        });
      }
      const response = await withTimeout(
        apollo.server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: toApolloRequest(request),
          context: () => Promise.resolve(createContext(state.live, state.report, preview)),
        }),
        config.limits.timeoutMs,
      );
      if (response.body.kind === 'chunked') {
        for (const [name, value] of response.headers) void reply.header(name, value);
        if (preview) void reply.header('cache-control', PREVIEW_CACHE_CONTROL);
        return reply.code(response.status ?? 200).send(Readable.from(response.body.asyncIterator));
      }
      const body = response.body.string;
      const contentType = response.headers.get('content-type') ?? 'application/json';
      const cacheControl = response.headers.get('cache-control');
      const status = response.status ?? 200;
      if (preview) {
        for (const [name, value] of response.headers) void reply.header(name, value);
        return reply
          .code(status)
          .header('cache-control', PREVIEW_CACHE_CONTROL)
          .header('vary', GRAPHQL_VARY)
          .send(body);
      }
      if (status === 200 && cacheControl && /\bpublic\b/.test(cacheControl)) {
        // Without the index, the answer to a request is fixed by its key and the content
        // state, so its hash is taken once per state; answers from the index are hashed each time.
        const etag = etags.etagOf(
          state.live,
          version,
          state.report.usedIndex ? undefined : key,
          body,
        );
        const operationName = state.report.operationName;
        if (key !== undefined)
          cache?.set(key, { body, contentType, cacheControl, etag, operationName });
        return sendRepresentation(request, reply, {
          body,
          contentType,
          cacheControl,
          etag: request.method === 'GET' ? etag : undefined,
        });
      }
      for (const [name, value] of response.headers) void reply.header(name, value);
      return reply.code(status).header('vary', GRAPHQL_VARY).send(body);
    },
  });
}

function toApolloRequest(request: FastifyRequest): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const queryAt = request.url.indexOf('?');
  return {
    method: request.method.toUpperCase(),
    headers,
    body: request.body,
    search: queryAt === -1 ? '' : request.url.slice(queryAt),
  };
}
