import type { EntityManager } from '@mikro-orm/knex';
import { plainRows, readConsistently } from '../../db/orm';
import { foldText } from '../../lib/text';
import { ContentEntity } from '../common/content.entity';
import { ContentLink, LinkKind } from '../common/content-link.entity';
import { ContentState } from '../common/content-state.entity';
import { ContentTranslation } from '../common/content-translation.entity';
import { Locale } from '../common/enums';
import { toGlobalId } from '../common/node-id';
import { Source } from '../common/source.entity';
import { SynonymsDocument } from '../common/synonyms.entity';
import { Tag } from '../common/tag.entity';
import { CONTENT_TYPES, descriptorOf, itemRef } from '../registry';
import { RoleModel } from '../role-model/role-model.entity';
import type { ContentItem, SourceRecord, TagRecord, TranslationRecord } from './item';
import type { LinkSettings } from './links';
import { byPosition, ContentSnapshot } from './snapshot';

type Row = Record<string, unknown>;

const idOf = (ref: unknown): number =>
  Number(typeof ref === 'object' && ref !== null ? (ref as { id: unknown }).id : ref);

const json = (value: unknown): Record<string, unknown> =>
  (typeof value === 'string' ? JSON.parse(value) : (value ?? {})) as Record<string, unknown>;

const date = (value: unknown): Date =>
  value instanceof Date ? value : new Date(typeof value === 'string' ? value : Number(value));

function groupBy<K, V>(values: readonly V[], key: (value: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const value of values) {
    const list = map.get(key(value));
    if (list) list.push(value);
    else map.set(key(value), [value]);
  }
  return map;
}

/** An item under construction: its relations are filled in once every item exists. */
type Building = { -readonly [K in keyof ContentItem]: ContentItem[K] } & {
  related: ContentItem[];
  typed: ContentItem[];
  children: ContentItem[];
};

type Loaded = Awaited<ReturnType<typeof readVersion>>;

/** Every row of one content version, read in one transaction, one statement after the other. */
function readVersion(em: EntityManager) {
  return readConsistently(em, async (trx) => ({
    state: await trx.findOne(ContentState, { id: 1 }, { disableIdentityMap: true }),
    content: await plainRows(trx, ContentEntity.name, { id: 'asc' }),
    translations: await plainRows(trx, ContentTranslation.name, { id: 'asc' }),
    sources: await plainRows(trx, Source.name, { position: 'asc' }),
    tags: await plainRows(trx, Tag.name, { slug: 'asc' }),
    pivot: await trx
      .getConnection()
      .execute<Row[]>(
        'select content_id, tag_id from content_tag',
        [],
        'all',
        trx.getTransactionContext(),
      ),
    links: await plainRows(trx, ContentLink.name, { position: 'asc', id: 'asc' }),
    roleModel: await trx.findOne(RoleModel, { id: 1 }, { disableIdentityMap: true }),
    synonyms: await trx.findOne(SynonymsDocument, { id: 1 }, { disableIdentityMap: true }),
  }));
}

/** Drivers give booleans as true/false (PostgreSQL) or 1/0 (SQLite). */
const isDraft = (row: Row): boolean => row.draft === true || Number(row.draft) === 1;

/**
 * Loads the content version the database holds now, in one read transaction and a fixed
 * number of queries (whatever the number of items), through MikroORM. The snapshot returned
 * is the published content: drafts are not in it, nor in any relation, list, tag or link of
 * its items. Its `preview` is the same version with the drafts (itself when there are none).
 */
export async function loadSnapshot(
  em: EntityManager,
  links?: LinkSettings,
): Promise<ContentSnapshot> {
  const data = await readVersion(em);
  const published = assemble(data, links, (row) => !isDraft(row));
  if (!data.content.some(isDraft)) return published;
  return published.withPreview(assemble(data, links, () => true));
}

/** A snapshot of the rows that `include` keeps; relations to other rows are left out. */
function assemble(
  data: Loaded,
  links: LinkSettings | undefined,
  include: (row: Row) => boolean,
): ContentSnapshot {
  const tagsById = new Map<number, TagRecord>(
    data.tags.map((t) => [
      Number(t.id),
      { slug: String(t.slug), nameNl: String(t.nameNl), nameEn: (t.nameEn as string) ?? null },
    ]),
  );
  const translationsOf = groupBy(data.translations, (t) => idOf(t.content));
  const sourcesOf = groupBy(data.sources, (s) => idOf(s.content));
  const tagsOf = groupBy(data.pivot, (p) => Number(p.content_id));

  const building = new Map<number, Building>();
  for (const row of data.content) {
    if (!include(row)) continue;
    const item = toItem(row, translationsOf.get(Number(row.id)) ?? [], sourcesOf, tagsOf, tagsById);
    if (item) building.set(item.dbId, item);
  }
  for (const link of data.links) {
    const from = building.get(idOf(link.from));
    const to = building.get(idOf(link.to));
    if (!from || !to) continue;
    (link.kind === LinkKind.RELATED ? from.related : from.typed).push(to);
  }
  linkTree(building, data.content);

  return new ContentSnapshot({
    version: data.state?.version ?? 0,
    items: [...building.values()],
    tags: [...tagsById.values()],
    roleModel: data.roleModel
      ? { data: data.roleModel.data, hash: data.roleModel.contentHash }
      : null,
    synonyms: data.synonyms ? { data: data.synonyms.data, hash: data.synonyms.contentHash } : null,
    types: CONTENT_TYPES,
    links,
  });
}

function toItem(
  row: Row,
  translations: readonly Row[],
  sourcesOf: ReadonlyMap<number, Row[]>,
  tagsOf: ReadonlyMap<number, Row[]>,
  tagsById: ReadonlyMap<number, TagRecord>,
): Building | undefined {
  const id = Number(row.id);
  const type = String(row.type);
  const slug = String(row.slug);
  const descriptor = CONTENT_TYPES.find((d) => d.type === type);
  const byLocale = new Map(translations.map((t) => [t.locale as Locale, toTranslation(t)]));
  const nl = byLocale.get(Locale.NL);
  // An item of a type that is no longer registered, or without its Dutch text, is not served.
  if (!descriptor || !nl) return undefined;
  return {
    key: `${type}:${slug}`,
    dbId: id,
    type,
    slug,
    ref: itemRef(type, slug),
    id: toGlobalId(type, slug),
    contentHash: String(row.contentHash),
    fields: Object.fromEntries(descriptor.neutralFields.map((f) => [f, row[f] ?? null])),
    nl,
    en: byLocale.get(Locale.EN) ?? null,
    tags: (tagsOf.get(id) ?? [])
      .map((p) => tagsById.get(Number(p.tag_id)))
      .filter((t): t is TagRecord => t !== undefined)
      .sort((a, b) => (a.slug < b.slug ? -1 : 1)),
    sources: (sourcesOf.get(id) ?? []).map(toSource),
    related: [],
    typed: [],
    parent: null,
    children: [],
    sortTitleNl: (row.sortTitleNl as string | null) ?? foldText(nl.title),
    sortTitleEn: (row.sortTitleEn as string | null) ?? foldText(nl.title),
    updatedAt: date(row.updatedAt),
    asOf: (row.asOf as string | null) ?? null,
    draft: isDraft(row),
  };
}

const toTranslation = (t: Row): TranslationRecord => ({
  locale: t.locale as Locale,
  title: String(t.title),
  summary: String(t.summary),
  body: String(t.body),
  fields: json(t.fields),
});

const toSource = (s: Row): SourceRecord => ({
  title: String(s.title),
  url: (s.url as string | null) ?? null,
  publisher: (s.publisher as string | null) ?? null,
  date: (s.date as string | null) ?? null,
});

/** Parents and children of tree types; children by position, then Dutch title, then id. */
function linkTree(items: ReadonlyMap<number, Building>, content: readonly Row[]): void {
  for (const row of content) {
    const item = items.get(Number(row.id));
    if (!item || !descriptorOf(item.type).tree || row.parent === null || row.parent === undefined)
      continue;
    const parent = items.get(idOf(row.parent));
    if (!parent) continue;
    item.parent = parent;
    parent.children.push(item);
  }
  for (const item of items.values()) item.children.sort(byPosition);
}
