import { ByteLru } from '../../lib/byte-lru';
import { canonicalJson, sha256 } from '../../lib/hash';
import type { ContentObject, ContentObjectClass } from '../common/content.type';
import { ContentOrderField, Locale, TextFormat } from '../common/enums';
import {
  headingsOf,
  readingMinutes,
  renderBody,
  type Heading,
  type ResolveLink,
} from '../common/markdown';
import { toGlobalId } from '../common/node-id';
import type { RoleModelData } from '../role-model/role-model.data';
import type { ContentItem, TagRecord } from './item';
import { DEFAULT_LINKS, itemPath, itemUrl, type LinkSettings } from './links';

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
  /** How items link to each other and to the portal (default `/<type-folder>/<slug>`). */
  readonly links?: LinkSettings;
  /** Registered types, in registry order: name, seed folder and object class. */
  readonly types: readonly {
    readonly type: string;
    readonly folder: string;
    readonly object: ContentObjectClass;
    /** Items form a tree (parent, children, position). */
    readonly tree?: boolean;
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
  readonly links: LinkSettings;
  /**
   * The same version with its drafts, for preview requests; this snapshot itself when the
   * version has none. A published snapshot never holds a draft, so every answer made from it
   * (lists, items, node, relations, tags, links, search documents) leaves drafts out.
   */
  get preview(): ContentSnapshot {
    return this.withDrafts ?? this;
  }
  private withDrafts?: ContentSnapshot;

  private readonly byKey = new Map<string, ContentItem>();
  private readonly byType = new Map<string, ContentItem[]>();
  private readonly objects = new Map<string, ContentObjectClass>();
  private readonly typeOfFolder = new Map<string, string>();
  private readonly folderOfType = new Map<string, string>();
  private readonly tagsBySlug = new Map<string, TagRecord>();
  private readonly treeTypes = new Set<string>();
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
    this.links = parts.links ?? DEFAULT_LINKS;
    for (const t of parts.types) {
      this.objects.set(t.type, t.object);
      this.typeOfFolder.set(t.folder, t.type);
      this.folderOfType.set(t.type, t.folder);
      if (t.tree) this.treeTypes.add(t.type);
      this.byType.set(t.type, []);
    }
    for (const tag of parts.tags) this.tagsBySlug.set(tag.slug, tag);
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

  /** Sets the snapshot preview requests see; once, by the loader. */
  withPreview(preview: ContentSnapshot): this {
    if (this.withDrafts) throw new Error('the preview of a snapshot is set once');
    this.withDrafts = preview;
    return this;
  }

  /** The item of `type` with `slug`, if this version has it. */
  item(type: string, slug: string): ContentItem | undefined {
    return this.byKey.get(`${type}:${slug}`);
  }

  /** Whether items of `type` form a tree. */
  isTree(type: string): boolean {
    return this.treeTypes.has(type);
  }

  /** The tag with `slug`, if this version has it. */
  tag(slug: string): TagRecord | undefined {
    return this.tagsBySlug.get(slug);
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

  /** The Markdown body served in `locale`: Dutch when untranslated. */
  private source(item: ContentItem, locale: Locale): string {
    return locale === Locale.EN && item.en?.body ? item.en.body : item.nl.body;
  }

  /**
   * The body served in `locale` (Dutch when untranslated), rendered once per version; HTML
   * headings move `headingOffset` levels down.
   */
  body(item: ContentItem, locale: Locale, format: TextFormat, headingOffset = 0): string {
    const source = this.source(item, locale);
    if (format === TextFormat.MARKDOWN)
      return this.withDrafts
        ? this.memo(`markdown\u0000${item.key}\u0000${locale}`, () => this.unlinkMissing(source))
        : source;
    const offset = format === TextFormat.HTML ? headingOffset : 0;
    return this.memo(`body\u0000${item.key}\u0000${locale}\u0000${format}\u0000${offset}`, () =>
      renderBody(source, format, this.linkResolver(locale), offset),
    );
  }

  /** Markdown with its `kb:` links to items this snapshot lacks (drafts) reduced to their text. */
  private unlinkMissing(markdown: string): string {
    return markdown.replace(/\[([^\]\n]*)\]\(kb:([^)\s]+)\)/g, (link, text: string, ref: string) =>
      this.itemByRef(ref) ? link : text,
    );
  }

  /** The headings of the body served in `locale`, with the ids its HTML carries. */
  headings(item: ContentItem, locale: Locale): readonly Heading[] {
    return this.memo(`headings\u0000${item.key}\u0000${locale}`, () =>
      headingsOf(this.source(item, locale)),
    );
  }

  /** Minutes to read the body served in `locale`. */
  readingMinutes(item: ContentItem, locale: Locale): number {
    return readingMinutes(this.body(item, locale, TextFormat.PLAIN));
  }

  /** The path of an item from the link template, in `locale`. */
  path(item: ContentItem, locale: Locale): string {
    return itemPath(this.links, this.folderOfType.get(item.type) ?? item.type, item.slug, locale);
  }

  /** The absolute URL of an item, when a public base URL is configured. */
  url(item: ContentItem, locale: Locale): string | null {
    return itemUrl(this.links, this.path(item, locale));
  }

  /**
   * Where `kb:<folder>/<slug>` links lead in a body served in `locale`. Nowhere when this
   * snapshot lacks the item (a draft, seen from the published content): the link then keeps
   * its text and loses its target.
   */
  private linkResolver(locale: Locale): ResolveLink {
    return (folder, slug) => {
      const type = this.typeOfFolder.get(folder);
      if (!type || !this.item(type, slug)) return undefined;
      return {
        href: itemPath(this.links, folder, slug, locale),
        id: toGlobalId(type, slug),
        type,
        slug,
      };
    };
  }

  /** The ancestors of a tree item, root first. */
  ancestors(item: ContentItem): ContentItem[] {
    const chain: ContentItem[] = [];
    for (let at = item.parent; at && chain.length < 64; at = at.parent) chain.unshift(at);
    return chain;
  }

  /** Position of every item of `type` in depth-first tree order (roots by position, then title). */
  private treeOrder(type: string): ReadonlyMap<ContentItem, number> {
    return this.memo(`tree-order\u0000${type}`, () => {
      const order = new Map<ContentItem, number>();
      const visit = (item: ContentItem) => {
        if (order.has(item)) return;
        order.set(item, order.size);
        item.children.forEach(visit);
      };
      this.itemsOf(type)
        .filter((i) => !i.parent)
        .sort(byPosition)
        .forEach(visit);
      // Items in a cycle (never seeded: validation refuses it) still get a place.
      this.itemsOf(type).forEach(visit);
      return order;
    });
  }

  /** Items of `type` in ascending (sort value, database id) order of `field` in `locale`. */
  ordered(type: string, field: ContentOrderField, locale: Locale): readonly ContentItem[] {
    return this.memo(`order\u0000${type}\u0000${field}\u0000${locale}`, () => {
      const value = this.sortValue(type, field, locale);
      return [...this.itemsOf(type)].sort((a, b) =>
        compareKeys(value(a), a.dbId, value(b), b.dbId),
      );
    });
  }

  /** The value an item of `type` is ordered by in lists (and that cursors carry). */
  sortValue(
    type: string,
    field: ContentOrderField,
    locale: Locale,
  ): (item: ContentItem) => SortValue {
    if (field === ContentOrderField.UPDATED_AT) return (item) => item.updatedAt.getTime();
    if (field === ContentOrderField.POSITION) {
      const order = this.treeOrder(type);
      return (item) => order.get(item) ?? 0;
    }
    return locale === Locale.EN ? (item) => item.sortTitleEn : (item) => item.sortTitleNl;
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

const position = (item: ContentItem) => Number(item.fields.position ?? 0);

/** Siblings by position, then Dutch title, then database id. */
export function byPosition(a: ContentItem, b: ContentItem): number {
  return (
    position(a) - position(b) ||
    (a.sortTitleNl < b.sortTitleNl ? -1 : a.sortTitleNl > b.sortTitleNl ? 1 : 0) ||
    a.dbId - b.dbId
  );
}

/** Orders by value, then by database id; strings by code unit, as SQL's binary collation. */
export function compareKeys(a: SortValue, aId: number, b: SortValue, bId: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return aId - bId;
}
