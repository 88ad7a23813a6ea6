import 'reflect-metadata';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { ConfigError, type Config } from './config';
import { ContentEntity } from './content/common/content.entity';
import { CONTENT_ENTITIES } from './content/entities';
import { openDatabase, type Orm } from './db/orm';
import { LiveContent } from './graphql/live-content';
import { buildHttpServer } from './http/server';
import { createSearchEngine } from './search/create-engine';
import { missingLayers } from './seed/layers';
import { formatReport, runSeed } from './seed/run';
import { SeedWatcher } from './seed/watch';

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
  /**
   * Development (`npm run dev`): seed from the folders at start (whatever the database
   * holds), then watch them and apply every saved change at once; `say` tells the editor.
   */
  readonly watch?: { readonly say: (text: string) => void; readonly debounceMs?: number };
}

/**
 * Composition root: database, first-start seeding, the live content (read model and search
 * index of one version) and the HTTP server. Tests build the same app; only src/main.ts listens.
 */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const missing = await missingLayers(config.seedDirs);
  if (missing.length > 0)
    throw new ConfigError(
      `Invalid configuration: SEED_DIR: the folder ${missing.join(', ')} does not exist`,
    );
  const orm = await openDatabase(config, CONTENT_ENTITIES);
  let live: LiveContent | undefined;
  let watcher: SeedWatcher | undefined;
  try {
    if (options.watch) {
      watcher = await SeedWatcher.start({
        dirs: config.seedDirs,
        em: orm.em,
        say: options.watch.say,
        debounceMs: options.watch.debounceMs,
        onApplied: () => live?.poll(),
      });
      // An invalid seed is reported and leaves the database as it was: the server starts anyway.
      await watcher.runNow();
    } else if (config.seedOnStart && (await orm.em.fork().count(ContentEntity, {})) === 0) {
      const report = await runSeed(orm.em, {
        dir: config.seedDirs,
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
        await watcher?.close();
        await http.close();
        await started.stop();
        await orm.close();
      },
    };
  } catch (error) {
    await watcher?.close();
    await live?.stop();
    await orm.close();
    throw error;
  }
}
