import type { FastifyBaseLogger } from 'fastify';
import { ContentState } from '../content/common/content-state.entity';
import type { Orm } from '../db/orm';

type Listener = (version: number, previous: number) => void;

/**
 * Follows `content_state.version` (raised by `npm run seed` and reindexing) with one cheap
 * query per interval, so a running server notices new content without a restart.
 */
export class ContentVersionWatcher {
  private timer?: NodeJS.Timeout;
  private polling = false;
  private readonly listeners: Listener[] = [];

  private constructor(
    private readonly orm: Orm,
    private readonly logger: FastifyBaseLogger,
    private version: number,
  ) {}

  static async start(orm: Orm, logger: FastifyBaseLogger, intervalMs: number) {
    const watcher = new ContentVersionWatcher(orm, logger, 0);
    watcher.version = await watcher.read();
    watcher.timer = setInterval(() => void watcher.poll(), intervalMs);
    watcher.timer.unref();
    return watcher;
  }

  get current(): number {
    return this.version;
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Reads the version now (the interval does this too); resolves to the current version. */
  async poll(): Promise<number> {
    if (this.polling) return this.version;
    this.polling = true;
    try {
      const next = await this.read();
      if (next !== this.version) {
        const previous = this.version;
        this.version = next;
        this.logger.info({ contentVersion: next, previous }, 'content version changed');
        for (const listener of this.listeners) listener(next, previous);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read the content version');
    } finally {
      this.polling = false;
    }
    return this.version;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async read(): Promise<number> {
    const state = await this.orm.em
      .fork()
      .findOne(ContentState, { id: 1 }, { fields: ['version'], disableIdentityMap: true });
    return state?.version ?? 0;
  }
}
