import type { ContentContext } from '../content/common/context';
import type { IndexUse, SearchContext } from '../search/context';
import type { LiveState } from './live-content';

/**
 * What the GraphQL layer reports back to the HTTP layer about one request: the resolved
 * operation name (for logs and metrics), the logger bound to the request id, and whether the
 * answer used the search index.
 */
export interface RequestReport extends IndexUse {
  operationName: string | null;
  readonly log: RequestLogger;
}

export interface RequestLogger {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Per-request context: the one content version (and its search index) the request sees; a
 * preview request sees that version with its drafts (search covers published items only).
 */
export interface Context extends ContentContext, SearchContext {
  readonly report?: RequestReport;
}

export function createContext(live: LiveState, report?: RequestReport, preview = false): Context {
  return { content: preview ? live.snapshot.preview : live.snapshot, search: live.search, report };
}
