import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { Orm } from '../db/orm';
import { createContext, type Context } from '../graphql/context';
import { createFormatError } from '../graphql/errors';
import { getSchema } from '../graphql/schema';
import { registerHealth } from './health';

export interface HttpDeps {
  readonly config: Config;
  readonly orm: Orm;
  readonly logger: FastifyBaseLogger;
}

/** The Fastify app with GraphQL and health routes. Building it never listens. */
export async function buildHttpServer({ config, orm, logger }: HttpDeps): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: logger,
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
  });
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: true,
    // The API is read-only and unauthenticated: there is no state for a forged request to change.
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    // src/main.ts owns signal handling and closes Fastify, which drains Apollo.
    stopOnTerminationSignals: false,
    formatError: createFormatError(logger, config.nodeEnv !== 'production'),
    plugins: [fastifyApolloDrainPlugin(app), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  await app.register(fastifyApollo(apollo), {
    context: () => Promise.resolve(createContext(orm.em)),
  });
  registerHealth(app, orm);
  return app;
}
