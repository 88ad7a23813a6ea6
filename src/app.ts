import 'reflect-metadata';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { ContentEntity } from './content/common/content.entity';
import { openDatabase, type Orm } from './db/orm';
import { buildHttpServer } from './http/server';
import { createSearchEngine } from './search/create-engine';
import type { SearchEngine } from './search/search-engine';
import { SearchKeeper } from './search/search-status';
import { formatReport, runSeed } from './seed/run';

export interface App {
  readonly http: FastifyInstance;
  readonly orm: Orm;
  readonly logger: Logger;
  readonly search: SearchEngine;
  close(): Promise<void>;
}

export interface AppOptions {
  readonly logger?: Logger;
}

/**
 * Composition root: database, first-start seeding and the HTTP server. Tests build the same
 * app; only src/main.ts listens.
 */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const orm = await openDatabase(config);
  let keeper: SearchKeeper | undefined;
  try {
    const search = await createSearchEngine(config);
    keeper = new SearchKeeper(search, orm.em, logger);
    if (config.seedOnStart && (await orm.em.fork().count(ContentEntity, {})) === 0) {
      const report = await runSeed(orm.em, { dir: config.seedDir });
      logger.info(
        { seed: { created: report.created, version: report.contentVersion } },
        formatReport(report),
      );
    }
    await keeper.start();
    const http = await buildHttpServer({ config, orm, logger, search });
    return {
      http,
      orm,
      logger,
      search,
      async close() {
        await http.close();
        await keeper?.close();
        await orm.close();
      },
    };
  } catch (error) {
    await keeper?.close();
    await orm.close();
    throw error;
  }
}
