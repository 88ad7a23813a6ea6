import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { Orm } from '../db/orm';
import type { Context } from '../graphql/context';
import type { SearchEngine } from '../search/search-engine';
import { createApollo } from '../graphql/apollo';
import { ContentVersionWatcher } from './content-version';
import { registerErrorHandling } from './error-handler';
import { registerGracefulClose } from './graceful-close';
import { registerGraphiqlAssets } from './graphiql/assets';
import { registerGraphqlRoute } from './graphql-route';
import { registerMethodNotAllowed } from './request-guards';
import { databaseCheck, registerHealth, type ReadinessCheck } from './health';
import { registerObservability } from './observability';
import { createRateLimit } from './rate-limit';
import { ResponseCache } from './response-cache';
import { registerSecurity } from './security';
import { registerVisuals } from './visuals';

export interface HttpDeps {
  readonly config: Config;
  readonly orm: Orm;
  readonly logger: FastifyBaseLogger;
  /** The search engine resolvers use; `/readyz` asks its health too. */
  readonly search?: SearchEngine;
  /** Readiness checks beside the database's (the search engine registers one). */
  readonly readinessChecks?: readonly ReadinessCheck[];
}

/** The Fastify app with GraphQL, GraphiQL, health and metrics routes. Building it never listens. */
export async function buildHttpServer(deps: HttpDeps): Promise<FastifyInstance> {
  const { config, orm, logger } = deps;
  const app: FastifyInstance = Fastify({
    loggerInstance: logger,
    bodyLimit: config.http.bodyLimit,
    requestIdHeader: 'x-request-id',
    trustProxy: config.http.trustProxy as boolean | string,
    // One line per request, with operation and cache status, comes from registerObservability.
    logController: new LogController({ disableRequestLogging: true }),
  });
  // Only JSON bodies: a text/plain or form POST is what a cross-site page can send unasked.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('kb', null);
  registerGracefulClose(app);
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });

  const versions = await ContentVersionWatcher.start(orm, logger, config.http.contentVersionPollMs);
  app.addHook('onClose', (_app, done) => {
    versions.stop();
    done();
  });
  const cache =
    config.http.responseCacheBytes > 0
      ? new ResponseCache(config.http.responseCacheBytes)
      : undefined;
  if (cache) versions.onChange(() => cache.clear());

  const apollo = await createApollo({
    config,
    logger,
    plugins: [fastifyApolloDrainPlugin<Context>(app)],
  });
  registerErrorHandling(app, {
    bodyLimit: config.http.bodyLimit,
    exposeDetails: config.nodeEnv !== 'production',
  });
  await registerSecurity(app, config.corsOrigins);
  registerObservability(app, versions);
  const rateLimit = await createRateLimit(app, {
    config,
    persistedQuery: async (hash) => apollo.persistedQueries?.get(hash),
  });
  registerGraphqlRoute(app, {
    config,
    orm,
    apollo,
    versions,
    cache,
    rateLimit,
    search: deps.search,
  });
  registerMethodNotAllowed(app);
  registerGraphiqlAssets(app);
  registerVisuals(app, orm);
  const searchCheck = deps.search && { name: 'search', check: () => deps.search!.health() };
  registerHealth(app, [
    databaseCheck(orm),
    ...(searchCheck ? [searchCheck] : []),
    ...(deps.readinessChecks ?? []),
  ]);
  return app;
}
