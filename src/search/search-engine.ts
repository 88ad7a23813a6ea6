import type { ContentType, Locale } from '../content/common/enums';
import type { SearchDocument } from './documents';

export interface SearchRequest {
  readonly query: string;
  readonly locale: Locale;
  readonly types?: readonly ContentType[];
  readonly tags?: readonly string[];
  readonly limit: number;
  readonly offset: number;
}

export interface SearchHitResult {
  readonly type: ContentType;
  readonly slug: string;
  readonly score: number;
  readonly highlights: readonly { field: string; snippet: string }[];
}

export interface FacetResult {
  readonly field: 'type' | 'tags';
  readonly values: readonly { value: string; count: number }[];
}

export interface SearchResult {
  readonly total: number;
  readonly hits: readonly SearchHitResult[];
  readonly facets: readonly FacetResult[];
}

/** Index changes that are written but not yet visible, so they can follow a database transaction. */
export interface StagedChanges {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export interface IndexChanges {
  readonly upsert: readonly SearchDocument[];
  /** `<TYPE>:<slug>` of items to remove in every locale. */
  readonly remove: readonly string[];
  readonly contentVersion: number;
}

/** One search engine; both implementations pass the same contract suite. */
export interface SearchEngine {
  readonly name: string;
  /** Content version the index was built from; null when there is no index yet. */
  indexedVersion(): Promise<number | null>;
  stage(changes: IndexChanges): Promise<StagedChanges>;
  /** Builds a fresh index and swaps it in at once; searches keep answering meanwhile. */
  rebuild(documents: readonly SearchDocument[], contentVersion: number): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
  suggest(prefix: string, locale: Locale, limit: number): Promise<string[]>;
  /** Throws SearchUnavailableError when the engine cannot answer. */
  health(): Promise<void>;
  close(): Promise<void>;
}

/** The engine cannot answer now (e.g. Meilisearch unreachable); keeps the cause. */
export class SearchUnavailableError extends Error {
  override readonly name = 'SearchUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
