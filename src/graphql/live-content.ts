import type { EntityManager } from '@mikro-orm/knex';
import type { FastifyBaseLogger } from 'fastify';
import { readContentVersion } from '../content/common/content-state';
import type { LinkSettings } from '../content/read-model/links';
import { loadSnapshot } from '../content/read-model/load';
import type { ContentSnapshot } from '../content/read-model/snapshot';
import { indexTarget } from '../search/documents';
import type { IndexTarget, SearchEngine, SearchReader } from '../search/search-engine';

/** What one request is answered from: a content version and the search index of that version. */
export interface LiveState {
  readonly snapshot: ContentSnapshot;
  /** Absent while search cannot answer for this version; `searchProblem` says why. */
  readonly search?: SearchReader;
  readonly searchProblem?: string;
}

export interface LiveContentOptions {
  readonly em: EntityManager;
  readonly engine: SearchEngine;
  readonly logger: FastifyBaseLogger;
  /** How items link (paths and URLs in the API); default `/<type-folder>/<slug>`. */
  readonly links?: LinkSettings;
  readonly pollMs: number;
  /** How long a replaced reader stays open for requests that started with it. */
  readonly graceMs: number;
}

type Listener = (version: number, previous: number) => void;

/** How often an index that could not be opened is tried again. */
const RETRY_MS = 10_000;

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Keeps one content version live. Every `pollMs` it reads the database's content version; when
 * that changed it loads the new version into a snapshot, brings the search index to the same
 * version, and only then swaps both in at once (and tells its listeners, which drop cached
 * responses). Between versions it watches the index: one that is damaged is taken out of
 * service at once and rebuilt, one that disappeared is rebuilt while the old reader answers.
 * Requests take `current` when they start and keep it, so each sees one version throughout.
 */
export class LiveContent {
  private state!: LiveState;
  private target!: IndexTarget;
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private retryAt = 0;
  /** Why the last poll failed, while it keeps failing. */
  private failing?: string;
  private stopped = false;
  private readonly listeners: Listener[] = [];
  private readonly retiring = new Set<NodeJS.Timeout>();

  private constructor(private readonly options: LiveContentOptions) {}

  /** Loads the database's current version and opens its index; then polls. */
  static async start(options: LiveContentOptions): Promise<LiveContent> {
    const live = new LiveContent(options);
    const snapshot = await loadSnapshot(options.em, options.links);
    live.target = indexTarget(snapshot);
    live.state = { snapshot, ...(await live.openIndex()) };
    live.logStart();
    live.timer = setInterval(() => void live.poll(), options.pollMs);
    live.timer.unref();
    return live;
  }

  get current(): LiveState {
    return this.state;
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** One round of the poll (the interval runs it too); resolves when it is done. */
  poll(): Promise<void> {
    this.polling ??= this.round().finally(() => (this.polling = undefined));
    return this.polling;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.polling?.catch(() => undefined);
    for (const timer of this.retiring) clearTimeout(timer);
    await this.state.search?.close();
    await this.options.engine.close();
  }

  private async round(): Promise<void> {
    const { logger } = this.options;
    try {
      const version = await readContentVersion(this.options.em);
      if (version !== this.state.snapshot.version) await this.advance();
      else await this.watchIndex();
      if (this.failing !== undefined) logger.info('content up to date again');
      this.failing = undefined;
    } catch (error) {
      // Said once per cause, not on every poll while the database stays away.
      if (reason(error) !== this.failing)
        logger.warn({ err: error }, 'could not bring the content up to date; serving what it has');
      this.failing = reason(error);
    }
  }

  /** Loads the new version, brings the index to it, then swaps both in. */
  private async advance(): Promise<void> {
    const snapshot = await loadSnapshot(this.options.em, this.options.links);
    if (this.stopped) return;
    const previous = this.state.snapshot.version;
    this.target = indexTarget(snapshot);
    const index = await this.openIndex();
    this.swap({ snapshot, ...index });
    this.options.logger.info(
      {
        contentVersion: snapshot.version,
        previous,
        search: index.search ? { index: index.search.opened } : index.searchProblem,
      },
      'content version changed',
    );
    for (const listener of this.listeners) listener(snapshot.version, previous);
  }

  private async watchIndex(): Promise<void> {
    const { engine, logger } = this.options;
    const { search } = this.state;
    if (!search) {
      if (Date.now() < this.retryAt) return;
      const index = await this.openIndex();
      if (index.search) logger.info({ search: engine.name }, 'search index available again');
      this.swap({ snapshot: this.state.snapshot, ...index });
      return;
    }
    let found = await engine.check(search);
    if (found === 'current') return;
    if (found === 'replaced') {
      const adopted = (await engine.adopt?.(this.target)) ?? 'other-content';
      if (typeof adopted !== 'string') {
        logger.info({ search: engine.name }, 'search index replaced by another process; using it');
        this.swap({ snapshot: this.state.snapshot, search: adopted });
        return;
      }
      // Another version's sound index belongs to the process serving that version; this one
      // keeps answering from what it opened until the database tells it to move.
      if (adopted === 'other-content') return;
      found = 'missing';
    }
    logger.warn({ search: engine.name, index: found }, `search index ${found}; bringing it back`);
    // A damaged index must not answer at all; a deleted one still answers from what is open.
    if (found === 'broken')
      this.swap({
        snapshot: this.state.snapshot,
        searchProblem: 'the search index is being rebuilt',
      });
    const index = await this.openIndex();
    if (index.search)
      logger.info({ search: engine.name, index: index.search.opened }, 'search index back');
    this.swap({ snapshot: this.state.snapshot, ...index });
  }

  private async openIndex(): Promise<Pick<LiveState, 'search' | 'searchProblem'>> {
    const { engine, logger } = this.options;
    try {
      return { search: await engine.open(this.target) };
    } catch (error) {
      this.retryAt = Date.now() + RETRY_MS;
      logger.warn(
        { err: error, search: engine.name },
        'search index unavailable; other queries keep working, retrying in the background',
      );
      return { searchProblem: reason(error) };
    }
  }

  /** Makes `next` current; the replaced reader closes once requests that hold it are done. */
  private swap(next: LiveState): void {
    if (this.stopped) {
      void next.search?.close().catch(() => undefined);
      return;
    }
    const old = this.state?.search;
    this.state = next;
    if (!old || old === next.search) return;
    const timer = setTimeout(() => {
      this.retiring.delete(timer);
      void old.close().catch(() => undefined);
    }, this.options.graceMs);
    timer.unref();
    this.retiring.add(timer);
  }

  private logStart(): void {
    const { engine, logger } = this.options;
    logger.info(
      {
        contentVersion: this.state.snapshot.version,
        items: this.state.snapshot.items.length,
        search: {
          engine: engine.name,
          index: this.state.search?.opened ?? this.state.searchProblem,
        },
      },
      'content loaded',
    );
  }
}
