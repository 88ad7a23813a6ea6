import type { EntityManager } from '@mikro-orm/knex';
import { ContentEntity } from '../content/common/content.entity';
import { ContentLink } from '../content/common/content-link.entity';
import { raiseContentVersion } from '../content/common/content-state';
import { ContentTranslation } from '../content/common/content-translation.entity';
import { Locale } from '../content/common/enums';
import { Source } from '../content/common/source.entity';
import { SynonymsDocument } from '../content/common/synonyms.entity';
import { Tag } from '../content/common/tag.entity';
import { CONTENT_TYPES, descriptorOf, itemRef } from '../content/registry';
import { RoleModel } from '../content/role-model/role-model.entity';
import { plainRows } from '../db/orm';
import { chunks } from '../lib/batch';
import { foldText } from '../lib/text';
import { applyDocument } from './documents.plan';
import { planChangeCount, type SeedPlan } from './plan';
import type { SeedItem } from './validate';

/** Database ids by `<type-folder>/<slug>`, kept current while the plan is applied. */
type Ids = Map<string, number>;

/** Rows per insert: columns x rows stays far below what SQLite and PostgreSQL bind. */
const ROWS = 200;

/** The content-tag pivot table, inside the caller's transaction. */
function pivot(em: EntityManager) {
  const query = em.getKnex().table('content_tag');
  const trx = em.getTransactionContext<Parameters<typeof query.transacting>[0]>();
  return trx ? query.transacting(trx) : query;
}

function pick(
  source: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

/**
 * Applies a plan inside the caller's transaction, which holds the content lock, and raises the
 * content version. Every statement takes its rows and ids in batches, so none grows with the
 * content. Rows are written with MikroORM's native inserts and updates, not its unit of work:
 * that would switch on Node's promise hooks for the life of the process (a server seeding on
 * its first start would pay for it on every request) and track thousands of entities for
 * nothing. Returns the new content version, or null when the plan is empty.
 */
export async function applyPlan(
  em: EntityManager,
  plan: SeedPlan,
  now = new Date(),
): Promise<number | null> {
  if (planChangeCount(plan) === 0) return null;
  await upsertTags(em, plan);
  const ids: Ids = new Map(plan.ids);
  await removeLinks(em, plan);
  await clearChangedItems(em, plan, ids);
  await deleteItems(em, plan);
  await writeItems(em, plan, ids, now);
  await linkParents(em, plan, ids);
  await addLinks(em, plan, ids);
  await deleteTags(em, plan);
  await applyDocument(em, RoleModel, plan.roleModel, now);
  await applyDocument(em, SynonymsDocument, plan.synonyms, now);
  return raiseContentVersion(em, now);
}

async function upsertTags(em: EntityManager, plan: SeedPlan): Promise<void> {
  for (const batch of chunks(plan.tags.create, ROWS))
    await em.insertMany(
      Tag,
      batch.map((t) => ({ slug: t.slug, nameNl: t.nameNl, nameEn: t.nameEn })),
    );
  for (const t of plan.tags.update)
    await em.nativeUpdate(Tag, { slug: t.slug }, { nameNl: t.nameNl, nameEn: t.nameEn });
}

async function currentIds(em: EntityManager): Promise<Ids> {
  const rows = (await plainRows(em, ContentEntity.name, {}, ['id', 'type', 'slug'])) as {
    id: number;
    type: string;
    slug: string;
  }[];
  return new Map(rows.map((r) => [itemRef(r.type, r.slug), Number(r.id)]));
}

async function removeLinks(em: EntityManager, plan: SeedPlan): Promise<void> {
  for (const batch of chunks(plan.links.remove.map((l) => l.id)))
    await em.nativeDelete(ContentLink, { id: { $in: batch } });
}

/** Translations, sources and tags of updated and deleted items are written anew. */
async function clearChangedItems(em: EntityManager, plan: SeedPlan, ids: Ids): Promise<void> {
  const touched = [...plan.delete.map((d) => d.id), ...plan.update.map((u) => ids.get(u.ref)!)];
  for (const batch of chunks(touched)) {
    await em.nativeDelete(ContentTranslation, { content: { $in: batch } });
    await em.nativeDelete(Source, { content: { $in: batch } });
    await pivot(em).whereIn('content_id', batch).delete();
  }
}

async function deleteItems(em: EntityManager, plan: SeedPlan): Promise<void> {
  for (const batch of chunks(plan.delete.map((d) => d.id))) {
    await em.nativeDelete(ContentLink, { $or: [{ from: { $in: batch } }, { to: { $in: batch } }] });
    // Children of a deleted tree item lose their parent here; their own files set a new one.
    for (const { entity } of CONTENT_TYPES.filter((d) => d.tree))
      await em.nativeUpdate(entity, { parent: { $in: batch } } as never, { parent: null } as never);
    await em.nativeDelete(ContentEntity, { id: { $in: batch } });
  }
}

/** An item's row in `content`: common columns and its type's language-neutral fields. */
function itemRow(item: SeedItem): Record<string, unknown> {
  return {
    // Every column is written, so an optional field left out of a file clears the old value.
    ...Object.fromEntries(
      descriptorOf(item.type).neutralFields.map((k) => [k, item.nl[k] ?? null]),
    ),
    type: item.type,
    slug: item.slug,
    contentHash: item.hash,
    sortTitleNl: foldText(item.nl.title as string),
    sortTitleEn: foldText((item.en?.title ?? item.nl.title) as string),
    asOf: item.nl.asOf ?? null,
    draft: item.nl.draft === true,
    updatedAt: changedAt(item),
  };
}

/**
 * When an item's content last changed, from its files alone, so that every installation of the
 * same content reports the same moment: `updated`, else `asOf`, else the newest source date
 * (midnight UTC); 1970-01-01 when the files give no date.
 */
export function changedAt(item: SeedItem): Date {
  const sources = (item.nl.sources ?? []) as readonly { date?: string }[];
  const newestSource = sources
    .map((s) => s.date)
    .filter((d): d is string => typeof d === 'string')
    .sort()
    .at(-1);
  const day = (item.nl.updated ?? item.nl.asOf ?? newestSource) as string | undefined;
  return new Date(day ? `${day}T00:00:00.000Z` : 0);
}

/** Creates and updates items, then writes their translations, sources and tags. */
async function writeItems(em: EntityManager, plan: SeedPlan, ids: Ids, now: Date): Promise<void> {
  for (const descriptor of CONTENT_TYPES) {
    const created = plan.create.filter((i) => i.type === descriptor.type);
    for (const batch of chunks(created, ROWS)) {
      const rows = batch.map((item) => ({ ...itemRow(item), createdAt: now }));
      await em.insertMany(descriptor.entity, rows as never[]);
    }
  }
  // The new ids, read back: drivers do not all return every id of a multi-row insert.
  if (plan.create.length) for (const [ref, id] of await currentIds(em)) ids.set(ref, id);
  for (const item of plan.update)
    await em.nativeUpdate(
      descriptorOf(item.type).entity,
      { id: ids.get(item.ref)! },
      itemRow(item),
    );
  const written = [...plan.create, ...plan.update];
  const translations = written.flatMap((item) => {
    const fields = descriptorOf(item.type).translatedFields;
    const row = (locale: Locale, source: Readonly<Record<string, unknown>>, body: string) => ({
      content: ids.get(item.ref)!,
      locale,
      title: source.title as string,
      summary: source.summary as string,
      body,
      fields: pick(source, fields),
    });
    return [
      row(Locale.NL, item.nl, item.bodyNl),
      ...(item.en ? [row(Locale.EN, item.en, item.bodyEn)] : []),
    ];
  });
  for (const batch of chunks(translations, ROWS)) await em.insertMany(ContentTranslation, batch);
  const sources = written.flatMap((item) =>
    ((item.nl.sources as Record<string, string>[] | undefined) ?? []).map((s, position) => ({
      content: ids.get(item.ref)!,
      position,
      title: s.title,
      url: s.url ?? null,
      publisher: s.publisher ?? null,
      date: s.date ?? null,
    })),
  );
  for (const batch of chunks(sources, ROWS)) await em.insertMany(Source, batch);
  const tagIds = await tagIdsBySlug(em);
  const tagged = written.flatMap((item) =>
    ((item.nl.tags as string[] | undefined) ?? []).map((slug) => ({
      content_id: ids.get(item.ref)!,
      tag_id: tagIds.get(slug)!,
    })),
  );
  for (const batch of chunks(tagged, ROWS)) await pivot(em).insert(batch);
}

async function linkParents(em: EntityManager, plan: SeedPlan, ids: Ids): Promise<void> {
  for (const item of [...plan.create, ...plan.update]) {
    const descriptor = descriptorOf(item.type);
    if (!descriptor.tree) continue;
    const parent = item.nl.parent as string | undefined;
    await em.nativeUpdate(descriptor.entity, { id: ids.get(item.ref)! }, {
      parent: parent ? ids.get(parent)! : null,
    } as never);
  }
}

async function addLinks(em: EntityManager, plan: SeedPlan, ids: Ids): Promise<void> {
  const rows = plan.links.add.map((l) => ({
    from: ids.get(l.from)!,
    to: ids.get(l.to)!,
    kind: l.kind,
    position: l.position,
  }));
  for (const batch of chunks(rows, ROWS)) await em.insertMany(ContentLink, batch);
}

async function deleteTags(em: EntityManager, plan: SeedPlan): Promise<void> {
  if (plan.tags.delete.length === 0) return;
  const tagIds = await tagIdsBySlug(em);
  for (const batch of chunks(plan.tags.delete.map((slug) => tagIds.get(slug)!))) {
    await pivot(em).whereIn('tag_id', batch).delete();
    await em.nativeDelete(Tag, { id: { $in: batch } });
  }
}

async function tagIdsBySlug(em: EntityManager): Promise<Map<string, number>> {
  const rows = (await plainRows(em, Tag.name, {}, ['id', 'slug'])) as {
    id: number;
    slug: string;
  }[];
  return new Map(rows.map((t) => [t.slug, Number(t.id)]));
}
