import type { SearchReader } from './search-engine';

/** Where a request notes that its answer came (partly) from the search index. */
export interface IndexUse {
  usedIndex?: boolean;
}

/** What the search resolver needs of a request: the index of the request's content version. */
export interface SearchContext {
  /** Absent while the index cannot answer (engine unreachable, index being rebuilt). */
  readonly search?: SearchReader;
  readonly report?: IndexUse;
}
