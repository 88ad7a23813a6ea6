import type { SearchReader } from './search-engine';

/** What the search resolver needs of a request: the index of the request's content version. */
export interface SearchContext {
  /** Absent while the index cannot answer (engine unreachable, index being rebuilt). */
  readonly search?: SearchReader;
}
