import type { Settings } from 'meilisearch';
import { STOP_WORDS } from '../analysis/normalize';
import { itemOf, type SearchDocument } from '../documents';
import type { Suggestion } from '../search-engine';
import type { SynonymGroups } from '../synonyms';

/**
 * Search parameters of every query: when not all words match, drop the most frequent words
 * first, as the embedded engine does (Meilisearch's default drops words from the end).
 */
export const MEILI_SEARCH_PARAMS = { matchingStrategy: 'frequency' } as const;

/** Suggestions of item titles from search hits, one per item. */
export function titleSuggestions(
  hits: readonly Pick<MeiliDocument, 'title' | 'type' | 'slug'>[],
): Suggestion[] {
  const seen = new Set<string>();
  return hits.flatMap((h) => {
    const key = `${h.type}:${h.slug}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ kind: 'title' as const, text: h.title, type: h.type, slug: h.slug }];
  });
}

/** Index settings, derived from the same sources as the embedded engine's analysis. */
export function meiliSettings(synonyms: SynonymGroups): Settings {
  const map: Record<string, string[]> = {};
  for (const group of synonyms) {
    const terms = group.map((t) => t.join(' '));
    for (const term of terms)
      map[term] = [...new Set([...(map[term] ?? []), ...terms.filter((t) => t !== term)])];
  }
  return {
    // Order is the attribute ranking: title > summary/tags > type-specific text > body.
    searchableAttributes: ['title', 'summary', 'tagNames', 'extra', 'body'],
    filterableAttributes: ['type', 'locale', 'tags', 'item'],
    displayedAttributes: [
      'id',
      'item',
      'hash',
      'type',
      'slug',
      'locale',
      'title',
      'summary',
      'body',
    ],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness'],
    synonyms: map,
    stopWords: [...STOP_WORDS],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    faceting: { maxValuesPerFacet: 50 },
    pagination: { maxTotalHits: 10_000 },
  };
}

export interface MeiliDocument {
  id: string;
  item: string;
  /** Hash of what the item's documents were made from (IndexTarget.items). */
  hash: string;
  type: string;
  slug: string;
  locale: string;
  title: string;
  summary: string;
  body: string;
  extra: string;
  tags: string[];
  tagNames: string[];
}

/** Meilisearch ids allow only [A-Za-z0-9_-]. */
export const meiliId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

export function toMeiliDocument(doc: SearchDocument, hash: string): MeiliDocument {
  return {
    id: meiliId(doc.id),
    item: itemOf(doc),
    hash,
    type: doc.type,
    slug: doc.slug,
    locale: doc.locale,
    title: doc.title,
    summary: doc.summary,
    body: doc.body,
    extra: doc.extra,
    tags: doc.tags.map((t) => t.slug),
    tagNames: doc.tags.map((t) => t.name),
  };
}

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Filter expression: values are always quoted strings, never syntax. */
export function meiliFilter(
  locale: string,
  types?: readonly string[],
  tags?: readonly string[],
): string[] {
  const filter = [`locale = ${quote(locale)}`];
  if (types?.length) filter.push(`type IN [${types.map(quote).join(', ')}]`);
  for (const tag of tags ?? []) filter.push(`tags = ${quote(tag)}`);
  return filter;
}

/**
 * The number of matches, from the type facet of the search without the type filter:
 * Meilisearch counts facets over every match, while `estimatedTotalHits` is an estimate.
 */
export function meiliTotal(
  typeCounts: Readonly<Record<string, number>> | undefined,
  types: readonly string[] | undefined,
  estimated: number,
): number {
  if (!typeCounts) return estimated;
  return Object.entries(typeCounts)
    .filter(([type]) => !types?.length || types.includes(type))
    .reduce((sum, [, count]) => sum + count, 0);
}
