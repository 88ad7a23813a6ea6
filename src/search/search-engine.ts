import type { Locale } from '../content/common/enums';
import type { SearchDocument } from './documents';
import type { SynonymGroups } from './synonyms';

export interface SearchRequest {
  readonly query: string;
  readonly locale: Locale;
  readonly types?: readonly string[];
  readonly tags?: readonly string[];
  readonly limit: number;
  readonly offset: number;
}

export interface SearchHitResult {
  readonly type: string;
  readonly slug: string;
  readonly score: number;
  readonly highlights: readonly { field: string; snippet: string }[];
}

/** A completion of what a user is typing: the text with its last word completed, or an item. */
export type Suggestion =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'title'; readonly text: string; readonly type: string; readonly slug: string };

export interface FacetResult {
  readonly field: 'type' | 'tags';
  readonly values: readonly { value: string; count: number }[];
}

export interface SearchResult {
  readonly total: number;
  readonly hits: readonly SearchHitResult[];
  readonly facets: readonly FacetResult[];
}

/**
 * What an index must hold to serve one content version: every item (`<TYPE>:<slug>`) with a
 * hash of what its documents are made from, the documents on demand, and the query settings.
 */
export interface IndexTarget {
  readonly version: number;
  /** Hash of `items` and `types`: equal fingerprints mean equal index content. */
  readonly fingerprint: string;
  readonly items: ReadonlyMap<string, string>;
  /** The documents (one per locale) of the given items. */
  documents(items: readonly string[]): SearchDocument[];
  readonly synonyms: SynonymGroups;
  /** Registered content types, in registry order. */
  readonly types: readonly string[];
}

/** Answers searches from an index that holds exactly one target. */
export interface SearchReader {
  readonly engine: string;
  /** Content version of the target the reader was opened for. */
  readonly version: number;
  /** How the index came to hold the target: found as it was, updated item by item, or built. */
  readonly opened: 'found' | 'updated' | 'built';
  search(request: SearchRequest): Promise<SearchResult>;
  /**
   * Completions in the locale: words of that locale's documents that complete the last word
   * (the word itself first when it is complete), and titles of items that match the text.
   */
  suggest(prefix: string, locale: Locale, limit: number): Promise<Suggestion[]>;
  /** Releases what the reader holds; searches already started finish first. */
  close(): Promise<void>;
}

/**
 * What a reader's index looks like now: `current`; `replaced` (another index took its place
 * while the reader still answers from what it opened); `missing` (gone, though the reader
 * may still answer from what it holds); or `broken` (changed under the reader, which must not
 * answer any more).
 */
export type IndexState = 'current' | 'replaced' | 'missing' | 'broken';

/** One search engine; both implementations pass the same contract suite. */
export interface SearchEngine {
  readonly name: string;
  /**
   * Brings the index to `target` (reusing it when it already holds exactly that, updating it
   * item by item, or rebuilding it when it is missing, unreadable or of another layout) and
   * opens a reader on it. Throws SearchUnavailableError when the engine cannot be reached.
   */
  open(target: IndexTarget): Promise<SearchReader>;
  /** Builds the index anew from `target`, whatever it holds now. */
  rebuild(target: IndexTarget): Promise<SearchReader>;
  /**
   * A reader of the index as it is now when it already holds exactly `target`, without
   * writing anything (another process brought it there). Otherwise why not: `other-content`
   * (a sound index of another version or release, which its writer serves) or `unusable`
   * (missing or damaged: to be written anew).
   */
  adopt?(target: IndexTarget): Promise<SearchReader | 'other-content' | 'unusable'>;
  /** Whether `reader` still reads the index it was opened on; cheap, asked on every poll. */
  check(reader: SearchReader): Promise<IndexState>;
  close(): Promise<void>;
}

/** The engine cannot answer now (e.g. Meilisearch unreachable); keeps the cause. */
export class SearchUnavailableError extends Error {
  override readonly name = 'SearchUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
