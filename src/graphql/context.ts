import type { EntityManager } from '@mikro-orm/knex';
import { ContentReader } from '../content/common/content.reader';
import type { SearchEngine } from '../search/search-engine';

/**
 * What the GraphQL layer reports back to the HTTP layer about one request: the resolved
 * operation name (for logs and metrics) and the logger bound to the request id.
 */
export interface RequestReport {
  operationName: string | null;
  readonly log: RequestLogger;
}

export interface RequestLogger {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Per-request context: a forked EntityManager and the request's loaders. */
export interface Context {
  readonly em: EntityManager;
  readonly reader: ContentReader;
  /** The content version this request is answered at (also in the response cache key). */
  readonly contentVersion: number;
  readonly report?: RequestReport;
  /** The configured search engine (absent in contexts that serve no search). */
  readonly search?: SearchEngine;
}

export interface ContextOptions {
  readonly search?: SearchEngine;
  readonly contentVersion?: number;
  readonly report?: RequestReport;
}

export function createContext(rootEm: EntityManager, options: ContextOptions = {}): Context {
  const em = rootEm.fork();
  return {
    em,
    reader: new ContentReader(em),
    contentVersion: options.contentVersion ?? 0,
    report: options.report,
    search: options.search,
  };
}
