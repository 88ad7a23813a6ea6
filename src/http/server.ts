import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { Orm } from '../db/orm';
import type { Context } from '../graphql/context';
import type { LiveContent } from '../graphql/live-content';
import { createApollo } from '../graphql/apollo';
import { registerEmbed } from './embed';
import { registerErrorHandling } from './error-handler';
import { registerGracefulClose } from './graceful-close';
import { registerGraphiqlAssets } from './graphiql/assets';
import { registerGraphqlRoute } from './graphql-route';
import { registerMethodNotAllowed } from './request-guards';
import { databaseCheck, registerHealth, searchCheck, type ReadinessCheck } from './health';
import { registerObservability } from './observability';
import { createRateLimit } from './rate-limit';
import { ResponseCache } from './response-cache';
import { registerSecurity } from './security';
import { registerVisuals } from './visuals';

export interface HttpDeps {
  readonly config: Config;
  readonly orm: Orm;
  readonly logger: FastifyBaseLogger;
  /** The content version being served, with its search index. */
  readonly live: LiveContent;
  /** Readiness checks beside the database's and the search index's. */
  readonly readinessChecks?: readonly ReadinessCheck[];
}

/** The Fastify app with GraphQL, GraphiQL, health and metrics routes. Building it never listens. */
export async function buildHttpServer(deps: HttpDeps): Promise<FastifyInstance> {
  const { config, orm, logger, live } = deps;
  const app: FastifyInstance = Fastify({
    loggerInstance: logger,
    bodyLimit: config.http.bodyLimit,
    // A client that sends its request slowly is answered 408 and cut off; Node checks open
    // requests against these timeouts every `connectionsCheckingInterval`.
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    http: {
      headersTimeout: config.http.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, config.http.headersTimeoutMs / 2),
    },
    requestIdHeader: 'x-request-id',
    trustProxy: config.http.trustProxy as boolean | string,
    // One line per request, with operation and cache status, comes from registerObservability.
    logController: new LogController({ disableRequestLogging: true }),
  });
  // Beyond this, Node closes new connections at once, before reading anything.
  app.server.maxConnections = config.http.maxConnections;
  // Only JSON bodies: a text/plain or form POST is what a cross-site page can send unasked.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('kb', null);
  registerGracefulClose(app);
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });

  const cache =
    config.http.responseCacheBytes > 0
      ? new ResponseCache(config.http.responseCacheBytes)
      : undefined;
  if (cache) live.onChange(() => cache.clear());

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
  registerObservability(app, live);
  const rateLimit = await createRateLimit(app, {
    config,
    persistedQuery: async (hash) => apollo.persistedQueries?.get(hash),
  });
  registerGraphqlRoute(app, {
    config,
    apollo,
    live,
    cache,
    rateLimit,
  });
  registerMethodNotAllowed(app);
  registerGraphiqlAssets(app);
  registerVisuals(app, live);
  registerEmbed(app, logger);
  registerHealth(app, [databaseCheck(orm), searchCheck(live), ...(deps.readinessChecks ?? [])], {
    logger,
    exposeDetails: config.nodeEnv !== 'production',
  });
  return app;
}
