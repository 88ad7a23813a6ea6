import { Locale } from '../common/enums';

/** The translated fields of one item in one locale. */
export interface TranslationRecord {
  readonly locale: Locale;
  readonly title: string;
  readonly summary: string;
  /** Markdown source; empty in a translation means "not translated". */
  readonly body: string;
  /** Type-specific translated fields; absent keys fall back to Dutch. */
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface TagRecord {
  readonly slug: string;
  readonly nameNl: string;
  readonly nameEn: string | null;
}

export interface SourceRecord {
  readonly title: string;
  readonly url: string | null;
  readonly publisher: string | null;
  readonly date: string | null;
}

/**
 * One content item of one content version, as the read model holds it: every field, its
 * translations, and its relations as direct references to other items.
 */
export interface ContentItem {
  /** `<TYPE>:<slug>`, unique over all types. */
  readonly key: string;
  /** Database id: breaks ties in list order and cursors. */
  readonly dbId: number;
  readonly type: string;
  readonly slug: string;
  /** `<type-folder>/<slug>`, as relations and `kb:` links name it. */
  readonly ref: string;
  /** Global Node id. */
  readonly id: string;
  /** Hash of the item's seed files. */
  readonly contentHash: string;
  /** Language-neutral type-specific fields (the descriptor's `neutralFields`). */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly nl: TranslationRecord;
  readonly en: TranslationRecord | null;
  /** Ordered by slug. */
  readonly tags: readonly TagRecord[];
  /** In the order the editor listed them. */
  readonly sources: readonly SourceRecord[];
  /** "See also", in both directions, in declared order. */
  readonly related: readonly ContentItem[];
  /** Typed relations (legal power <-> target group, ...), in declared order. */
  readonly typed: readonly ContentItem[];
  /** Tree types only: the parent, and the children by position, then title. */
  readonly parent: ContentItem | null;
  readonly children: readonly ContentItem[];
  /** Folded titles for accent-insensitive ordering. */
  readonly sortTitleNl: string;
  readonly sortTitleEn: string;
  readonly updatedAt: Date;
  readonly asOf: string | null;
  /** Not published: only a snapshot's `preview` holds it. */
  readonly draft: boolean;
}

/** The translation served in `locale`: English when asked for and written, else Dutch. */
export function translationIn(item: ContentItem, locale: Locale): TranslationRecord {
  return locale === Locale.EN && item.en ? item.en : item.nl;
}

/** A tag's name in `locale` (Dutch when untranslated). */
export function tagName(tag: TagRecord, locale: Locale): string {
  return locale === Locale.EN && tag.nameEn ? tag.nameEn : tag.nameNl;
}
