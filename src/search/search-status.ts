import type { EntityManager } from '@mikro-orm/knex';
import type { FastifyBaseLogger } from 'fastify';
import { ensureIndex } from './indexer';
import type { SearchEngine } from './search-engine';

const RETRY_MS = 10_000;

/**
 * Keeps the index present and current without ever failing start-up: when the engine is
 * unreachable, search answers SEARCH_UNAVAILABLE while everything else works, and the index
 * is checked again until the engine is back.
 */
export class SearchKeeper {
  private timer?: NodeJS.Timeout;

  constructor(
    readonly engine: SearchEngine,
    private readonly em: EntityManager,
    private readonly log: FastifyBaseLogger,
  ) {}

  async start(): Promise<void> {
    try {
      const state = await ensureIndex(this.engine, this.em);
      this.log.info(
        { search: { engine: this.engine.name, index: state } },
        `search index ${state}`,
      );
    } catch (error) {
      this.log.warn(
        { err: error, search: { engine: this.engine.name } },
        'search engine unavailable; retrying in the background',
      );
      this.timer = setTimeout(() => void this.start(), RETRY_MS);
      this.timer.unref();
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.engine.close();
  }
}
