import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { Config } from '../config';
import type { Context } from './context';
import { createFormatError } from './errors';
import { cachePolicyPlugin } from './plugins/cache-policy.plugin';
import { costLimitPlugin } from './plugins/cost-limit.plugin';
import { aliasLimitRule, depthLimitRule, directiveLimitRule } from './plugins/limit-rules';
import { readOnlyRule } from './plugins/read-only.rule';
import { reportPlugin } from './plugins/report.plugin';
import { getSchema } from './schema';

export interface ApolloOptions {
  readonly config: Config;
  readonly logger: ApolloServerOptions<Context>['logger'];
  /** Plugins of the HTTP integration (draining on close). */
  readonly plugins?: ApolloServerPlugin<Context>[];
}

export interface Apollo {
  readonly server: ApolloServer<Context>;
  /** The Automatic Persisted Queries store (sha256 -> query), when APQ is on. */
  readonly persistedQueries?: InMemoryLRUCache<string>;
}

/**
 * Apollo Server with our limits, cache hints and reporting. The HTTP concerns (CSRF, CORS,
 * rate limits, response cache, GraphiQL) are Fastify's, in src/http.
 */
export async function createApollo({
  config,
  logger,
  plugins = [],
}: ApolloOptions): Promise<Apollo> {
  const { limits, http } = config;
  const persistedQueries =
    http.apqCacheBytes > 0
      ? new InMemoryLRUCache<string>({ maxSize: http.apqCacheBytes })
      : undefined;
  const server = new ApolloServer<Context>({
    schema: await getSchema(),
    logger,
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: !config.suggestions,
    // Our own CSRF rule (src/http/csrf.ts) lets plain GET queries through; Apollo's does not.
    csrfPrevention: false,
    allowBatchedHttpRequests: limits.maxBatch > 1,
    persistedQueries: persistedQueries ? { cache: persistedQueries } : false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [
      readOnlyRule,
      depthLimitRule(limits.maxDepth),
      aliasLimitRule(limits.maxAliases),
      directiveLimitRule(limits.maxDirectivesPerField),
    ],
    includeStacktraceInErrorResponses: false,
    // src/main.ts owns signal handling and closes Fastify, which drains Apollo.
    stopOnTerminationSignals: false,
    formatError: createFormatError(undefined, config.nodeEnv !== 'production'),
    plugins: [
      // Apollo's own cache-control plugin works the policy out field by field on every request.
      ApolloServerPluginCacheControlDisabled(),
      cachePolicyPlugin<Context>(http.cacheMaxAge),
      ApolloServerPluginLandingPageDisabled(),
      // Federation tracing: this is not a subgraph, and the check costs a call per request.
      ApolloServerPluginInlineTraceDisabled(),
      costLimitPlugin<Context>(limits.maxCost),
      reportPlugin(),
      ...plugins,
    ],
  });
  await server.start();
  return { server, persistedQueries };
}
