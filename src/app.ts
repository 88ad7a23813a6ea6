import 'reflect-metadata';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { ContentEntity } from './content/common/content.entity';
import { CONTENT_ENTITIES } from './content/entities';
import { openDatabase, type Orm } from './db/orm';
import { LiveContent } from './graphql/live-content';
import { buildHttpServer } from './http/server';
import { createSearchEngine } from './search/create-engine';
import { formatReport, runSeed } from './seed/run';

export interface App {
  readonly http: FastifyInstance;
  readonly orm: Orm;
  readonly logger: Logger;
  /** The content version being served, with its search index. */
  readonly live: LiveContent;
  close(): Promise<void>;
}

export interface AppOptions {
  readonly logger?: Logger;
}

/**
 * Composition root: database, first-start seeding, the live content (read model and search
 * index of one version) and the HTTP server. Tests build the same app; only src/main.ts listens.
 */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const orm = await openDatabase(config, CONTENT_ENTITIES);
  let live: LiveContent | undefined;
  try {
    if (config.seedOnStart && (await orm.em.fork().count(ContentEntity, {})) === 0) {
      const report = await runSeed(orm.em, {
        dir: config.seedDir,
        onWait: () => logger.info('another process is seeding the database; waiting for it'),
      });
      logger.info(
        { seed: { created: report.created, version: report.contentVersion } },
        formatReport(report),
      );
      for (const warning of report.warnings) logger.warn(warning);
    }
    live = await LiveContent.start({
      em: orm.em,
      engine: createSearchEngine(config),
      logger,
      links: config.links,
      pollMs: config.http.contentVersionPollMs,
      graceMs: config.limits.timeoutMs + 1_000,
    });
    const http = await buildHttpServer({ config, orm, logger, live });
    const started = live;
    return {
      http,
      orm,
      logger,
      live: started,
      async close() {
        await http.close();
        await started.stop();
        await orm.close();
      },
    };
  } catch (error) {
    await live?.stop();
    await orm.close();
    throw error;
  }
}
