import { ByteLru } from '../../lib/byte-lru';
import { canonicalJson, sha256 } from '../../lib/hash';
import type { ContentObject, ContentObjectClass } from '../common/content.type';
import { ContentOrderField, Locale, TextFormat } from '../common/enums';
import { renderBody, type LinkTarget } from '../common/markdown';
import { toGlobalId } from '../common/node-id';
import type { RoleModelData } from '../role-model/role-model.data';
import type { ContentItem, TagRecord } from './item';

/** Bytes of filtered lists a snapshot keeps (item references, not copies). */
const LIST_CACHE_BYTES = 8 * 1024 * 1024;

/** A seed document stored whole (role model, synonyms) with the hash of its validated data. */
export interface StoredDocument<T> {
  readonly data: T;
  readonly hash: string;
}

/** Synonym groups as editors wrote them: each group a list of terms. */
export type SynonymTerms = readonly (readonly string[])[];

export interface SnapshotParts {
  readonly version: number;
  readonly items: readonly ContentItem[];
  /** Ordered by slug. */
  readonly tags: readonly TagRecord[];
  readonly roleModel: StoredDocument<RoleModelData> | null;
  readonly synonyms: StoredDocument<SynonymTerms> | null;
  /** Registered types, in registry order: name, seed folder and object class. */
  readonly types: readonly {
    readonly type: string;
    readonly folder: string;
    readonly object: ContentObjectClass;
  }[];
}

/**
 * The content of one version, in memory and immutable: every GraphQL read is answered from one
 * snapshot, and a new version replaces the whole snapshot at once (a request keeps the one it
 * started with). Views, bodies and orderings are computed once per snapshot, on first use.
 */
export class ContentSnapshot {
  readonly version: number;
  /** Hash of everything the snapshot was built from; equal content gives an equal value. */
  readonly fingerprint: string;
  readonly items: readonly ContentItem[];
  readonly tags: readonly TagRecord[];
  readonly roleModel: StoredDocument<RoleModelData> | null;
  readonly synonyms: StoredDocument<SynonymTerms> | null;
  /** Registered type names, in registry order. */
  readonly typeNames: readonly string[];

  private readonly byKey = new Map<string, ContentItem>();
  private readonly byType = new Map<string, ContentItem[]>();
  private readonly objects = new Map<string, ContentObjectClass>();
  private readonly typeOfFolder = new Map<string, string>();
  private readonly views = [
    new Map<ContentItem, ContentObject>(),
    new Map<ContentItem, ContentObject>(),
  ];
  private readonly memos = new Map<string, unknown>();
  private readonly lists = new ByteLru<ContentItem[]>(
    LIST_CACHE_BYTES,
    (key, items) => 2 * key.length + 8 * items.length + 64,
  );

  constructor(parts: SnapshotParts) {
    this.version = parts.version;
    this.items = parts.items;
    this.tags = parts.tags;
    this.roleModel = parts.roleModel;
    this.synonyms = parts.synonyms;
    this.typeNames = parts.types.map((t) => t.type);
    for (const t of parts.types) {
      this.objects.set(t.type, t.object);
      this.typeOfFolder.set(t.folder, t.type);
      this.byType.set(t.type, []);
    }
    for (const item of parts.items) {
      this.byKey.set(item.key, item);
      this.byType.get(item.type)?.push(item);
    }
    this.fingerprint = sha256(
      canonicalJson({
        items: [...parts.items].map((i) => [i.key, i.contentHash]).sort(),
        tags: parts.tags,
        roleModel: parts.roleModel?.hash ?? null,
        synonyms: parts.synonyms?.hash ?? null,
      }),
    );
  }

  /** The item of `type` with `slug`, if this version has it. */
  item(type: string, slug: string): ContentItem | undefined {
    return this.byKey.get(`${type}:${slug}`);
  }

  /** The item a relation or `kb:` link names as `<type-folder>/<slug>`, if this version has it. */
  itemByRef(ref: string): ContentItem | undefined {
    const [folder, slug, ...rest] = ref.split('/');
    const type = this.typeOfFolder.get(folder ?? '');
    return type && slug && rest.length === 0 ? this.item(type, slug) : undefined;
  }

  /** Items of one type, in database order. */
  itemsOf(type: string): readonly ContentItem[] {
    return this.byType.get(type) ?? [];
  }

  /** The GraphQL view of `item` in `locale`; the same object for every request of this version. */
  view(item: ContentItem, locale: Locale): ContentObject {
    const views = this.views[locale === Locale.EN ? 1 : 0];
    let view = views.get(item);
    if (!view) {
      const ObjectClass = this.objects.get(item.type);
      if (!ObjectClass) throw new Error(`no object type registered for ${item.type}`);
      view = new ObjectClass(item, locale, this);
      views.set(item, view);
    }
    return view;
  }

  /** The body served in `locale` (Dutch when untranslated), rendered once per version. */
  body(item: ContentItem, locale: Locale, format: TextFormat): string {
    const source = locale === Locale.EN && item.en?.body ? item.en.body : item.nl.body;
    if (format === TextFormat.MARKDOWN) return source;
    return this.memo(`body\u0000${item.key}\u0000${locale}\u0000${format}`, () =>
      renderBody(source, format, this.resolveLink),
    );
  }

  /** Where a `kb:<folder>/<slug>` link leads: the item's path, and its id, type and slug. */
  readonly resolveLink = (folder: string, slug: string): LinkTarget | undefined => {
    const type = this.typeOfFolder.get(folder);
    if (!type) return undefined;
    return { href: `/${folder}/${slug}`, id: toGlobalId(type, slug), type, slug };
  };

  /** Items of `type` in ascending (sort value, database id) order of `field` in `locale`. */
  ordered(type: string, field: ContentOrderField, locale: Locale): readonly ContentItem[] {
    return this.memo(`order\u0000${type}\u0000${field}\u0000${locale}`, () => {
      const value = sortValue(field, locale);
      return [...this.itemsOf(type)].sort((a, b) =>
        compareKeys(value(a), a.dbId, value(b), b.dbId),
      );
    });
  }

  /**
   * The items of a filtered list in one order, kept for the next request that asks the same
   * (bounded: any client can ask for any filter).
   */
  filtered(key: string, compute: () => ContentItem[]): readonly ContentItem[] {
    let items = this.lists.get(key);
    if (!items) {
      items = compute();
      this.lists.set(key, items);
    }
    return items;
  }

  /** A value computed once for this snapshot (rendered bodies, orderings, drawings). */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }
}

export type SortValue = string | number;

/** The value an item is ordered by in lists (and that cursors carry). */
export function sortValue(
  field: ContentOrderField,
  locale: Locale,
): (item: ContentItem) => SortValue {
  if (field === ContentOrderField.UPDATED_AT) return (item) => item.updatedAt.getTime();
  return locale === Locale.EN ? (item) => item.sortTitleEn : (item) => item.sortTitleNl;
}

/** Orders by value, then by database id; strings by code unit, as SQL's binary collation. */
export function compareKeys(a: SortValue, aId: number, b: SortValue, bId: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return aId - bId;
}
