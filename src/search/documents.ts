import { type Locale, LOCALES, TextFormat } from '../content/common/enums';
import { renderBody } from '../content/common/markdown';
import { tagName, translationIn, type ContentItem } from '../content/read-model/item';
import type { ContentSnapshot } from '../content/read-model/snapshot';
import { descriptorOf } from '../content/registry';
import { canonicalJson, sha256 } from '../lib/hash';
import type { IndexTarget } from './search-engine';
import { toSynonymGroups, type SynonymGroups } from './synonyms';

/** What a search engine indexes: one document per item and locale (English falls back to Dutch). */
export interface SearchDocument {
  /** `<TYPE>:<slug>:<locale>` */
  readonly id: string;
  readonly type: string;
  readonly slug: string;
  readonly locale: Locale;
  readonly title: string;
  readonly summary: string;
  /** Plain text of the body. */
  readonly body: string;
  readonly tags: readonly { slug: string; name: string }[];
  /** Type-specific searchable text: law and article, conditions, signals, actors, ... */
  readonly extra: string;
}

/** Raise when what a document is made of changes, so that every item is indexed again. */
const DOCUMENT_FORMAT = 1;

export const documentId = (type: string, slug: string, locale: Locale) =>
  `${type}:${slug}:${locale}`;

/** `<TYPE>:<slug>`: the item a document belongs to. */
export const itemOf = (doc: Pick<SearchDocument, 'type' | 'slug'>) => `${doc.type}:${doc.slug}`;

const asText = (v: unknown): string =>
  Array.isArray(v) ? v.join('\n') : typeof v === 'string' ? v : '';

/** The documents of one item, one per locale. */
export function documentsOfItem(item: ContentItem): SearchDocument[] {
  const descriptor = descriptorOf(item.type);
  const neutral = descriptor.searchText?.(item.fields) ?? [];
  return LOCALES.map((locale) => {
    const tr = translationIn(item, locale);
    const translated = descriptor.translatedFields.map((field) =>
      asText(tr.fields[field] ?? item.nl.fields[field]),
    );
    return {
      id: documentId(item.type, item.slug, locale),
      type: item.type,
      slug: item.slug,
      locale,
      title: tr.title || item.nl.title,
      summary: tr.summary || item.nl.summary,
      body: renderBody(tr.body || item.nl.body, TextFormat.PLAIN),
      tags: item.tags.map((t) => ({ slug: t.slug, name: tagName(t, locale) })),
      extra: [...neutral, ...translated].filter(Boolean).join('\n'),
    };
  });
}

/** Hash of the items and the partition layout: equal hashes mean equal index content. */
export function fingerprintOf(
  items: ReadonlyMap<string, string>,
  types: readonly string[],
): string {
  return sha256(canonicalJson({ items: [...items].sort(), types }));
}

/**
 * The index target of a snapshot. An item's hash covers its seed files and its tags' names,
 * all its documents are made from, so no body is rendered until an item must be (re)indexed.
 */
export function indexTarget(snapshot: ContentSnapshot): IndexTarget {
  const items = new Map(
    snapshot.items.map((item) => [
      item.key,
      sha256(canonicalJson([DOCUMENT_FORMAT, item.contentHash, item.tags])),
    ]),
  );
  const byKey = new Map(snapshot.items.map((item) => [item.key, item]));
  return {
    version: snapshot.version,
    fingerprint: fingerprintOf(items, snapshot.typeNames),
    items,
    documents: (keys) => keys.flatMap((key) => documentsOfItem(byKey.get(key)!)),
    synonyms: toSynonymGroups(snapshot.synonyms?.data ?? []),
    types: snapshot.typeNames,
  };
}

/** A target made of ready documents (benchmarks and engine tests). */
export function documentsTarget(
  documents: readonly SearchDocument[],
  options: { version: number; synonyms: SynonymGroups; types: readonly string[] },
): IndexTarget {
  const byItem = new Map<string, SearchDocument[]>();
  for (const doc of documents) byItem.set(itemOf(doc), [...(byItem.get(itemOf(doc)) ?? []), doc]);
  const items = new Map([...byItem].map(([key, docs]) => [key, sha256(canonicalJson(docs))]));
  return {
    ...options,
    fingerprint: fingerprintOf(items, options.types),
    items,
    documents: (keys) => keys.flatMap((key) => byItem.get(key) ?? []),
  };
}

/**
 * What an index holding `indexed` (item -> hash) must change to hold `wanted`: the items whose
 * documents go, and those whose documents are (re)written. Equal hashes are left alone.
 */
export function itemDiff(
  indexed: ReadonlyMap<string, string>,
  wanted: ReadonlyMap<string, string>,
): { remove: string[]; write: string[] } {
  return {
    remove: [...indexed.keys()].filter((item) => indexed.get(item) !== wanted.get(item)),
    write: [...wanted.keys()].filter((item) => indexed.get(item) !== wanted.get(item)),
  };
}
