import type { ItemLink } from './api';

export const TYPEAHEAD_QUERY = `query KbTypeahead($q: String!, $locale: Locale!) {
  suggest(prefix: $q, locale: $locale, first: 4) { text kind }
  search(query: $q, locale: $locale, first: 5) {
    edges { node { content { slug type title path url } highlights { field snippet } } }
  }
}`;

export const SEARCH_QUERY = `query KbSearch($q: String!, $locale: Locale!, $types: [ContentType!], $after: String) {
  search(query: $q, locale: $locale, types: $types, first: 10, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    facets { field values { value count label } }
    edges { node { content { slug type title path url summary } highlights { field snippet } } }
  }
}`;

export interface Hit {
  readonly content: ItemLink & { readonly title: string; readonly summary?: string };
  readonly highlights: readonly { readonly field: string; readonly snippet: string }[];
}

export interface TypeaheadData {
  /** Completions of the typed text (WORD) and item titles (TITLE, shown as hits instead). */
  suggest: { text: string; kind: 'WORD' | 'TITLE' }[];
  search: { edges: { node: Hit }[] };
}

export interface Facet {
  readonly field: string;
  readonly values: readonly { value: string; count: number; label: string }[];
}

export interface SearchData {
  search: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: Facet[];
    edges: { node: Hit }[];
  };
}

/** An entry of the combobox's list: a completion of the text, or an item to open. */
export type Option =
  | { readonly kind: 'suggestion'; readonly text: string }
  | { readonly kind: 'hit'; readonly hit: Hit };

/** The snippet of `field` if the engine marked one. */
export function snippetOf(hit: Hit, field: string): string | undefined {
  return hit.highlights.find((h) => h.field === field)?.snippet;
}
