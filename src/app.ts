import 'reflect-metadata';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { ContentEntity } from './content/common/content.entity';
import { openDatabase, type Orm } from './db/orm';
import { buildHttpServer } from './http/server';
import { formatReport, runSeed } from './seed/run';

export interface App {
  readonly http: FastifyInstance;
  readonly orm: Orm;
  readonly logger: Logger;
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
  try {
    if (config.seedOnStart && (await orm.em.fork().count(ContentEntity, {})) === 0) {
      const report = await runSeed(orm.em, { dir: config.seedDir });
      logger.info(
        { seed: { created: report.created, version: report.contentVersion } },
        formatReport(report),
      );
    }
    const http = await buildHttpServer({ config, orm, logger });
    return {
      http,
      orm,
      logger,
      async close() {
        await http.close();
        await orm.close();
      },
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}
