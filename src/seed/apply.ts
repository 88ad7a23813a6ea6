import type { EntityManager } from '@mikro-orm/knex';
import { ContentEntity } from '../content/common/content.entity';
import { ContentLink } from '../content/common/content-link.entity';
import { raiseContentVersion } from '../content/common/content-state';
import { ContentTranslation } from '../content/common/content-translation.entity';
import { Locale } from '../content/common/enums';
import { Source } from '../content/common/source.entity';
import { SynonymsDocument } from '../content/common/synonyms.entity';
import { Tag } from '../content/common/tag.entity';
import { CONTENT_TYPES, descriptorOf } from '../content/registry';
import { RoleModel } from '../content/role-model/role-model.entity';
import { chunks } from '../lib/batch';
import { foldText } from '../lib/text';
import { applyDocument } from './documents.plan';
import { planChangeCount, type SeedPlan } from './plan';
import type { SeedItem } from './validate';

/** Database ids by `<type-folder>/<slug>`, kept current while the plan is applied. */
type Ids = Map<string, number>;

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
 * content version. Every statement takes its ids in batches, so none grows with the content.
 * Returns the new content version (the current one when the plan is empty).
 */
export async function applyPlan(
  em: EntityManager,
  plan: SeedPlan,
  now = new Date(),
): Promise<number | null> {
  if (planChangeCount(plan) === 0) return null;
  await upsertTags(em, plan);
  const ids = await currentIds(em);
  await removeLinks(em, plan);
  await clearChangedItems(em, plan, ids);
  await deleteItems(em, plan);
  const entities = await writeItems(em, plan, ids, now);
  linkParents(em, plan, entities, ids);
  addLinks(em, plan, ids);
  await em.flush();
  await deleteTags(em, plan);
  await applyDocument(em, RoleModel, plan.roleModel, now);
  await applyDocument(em, SynonymsDocument, plan.synonyms, now);
  await em.flush();
  return raiseContentVersion(em, now);
}

async function upsertTags(em: EntityManager, plan: SeedPlan): Promise<void> {
  for (const t of plan.tags.create)
    em.create(Tag, { slug: t.slug, nameNl: t.nameNl, nameEn: t.nameEn });
  const updates = new Map(plan.tags.update.map((t) => [t.slug, t]));
  for (const batch of chunks([...updates.keys()])) {
    for (const row of await em.find(Tag, { slug: { $in: batch } })) {
      const t = updates.get(row.slug)!;
      row.nameNl = t.nameNl;
      row.nameEn = t.nameEn;
    }
  }
  await em.flush();
}

async function currentIds(em: EntityManager): Promise<Ids> {
  const rows = await em.find(ContentEntity, {}, { fields: ['id', 'type', 'slug'] });
  return new Map(rows.map((r) => [`${descriptorOf(r.type).folder}/${r.slug}`, r.id]));
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

/** Creates and updates items with their translations, sources and tags. */
async function writeItems(
  em: EntityManager,
  plan: SeedPlan,
  ids: Ids,
  now: Date,
): Promise<Map<string, ContentEntity>> {
  const tags = new Map((await em.find(Tag, {})).map((t) => [t.slug, t]));
  const existing = new Map<number, ContentEntity>();
  for (const batch of chunks(plan.update.map((u) => ids.get(u.ref)!)))
    for (const entity of await em.find(ContentEntity, { id: { $in: batch } }))
      existing.set(entity.id, entity);
  const entities = new Map<string, ContentEntity>();
  for (const item of [...plan.create, ...plan.update]) {
    const id = ids.get(item.ref);
    const entity =
      id === undefined
        ? em.create(descriptorOf(item.type).entity, { createdAt: now } as never)
        : existing.get(id)!;
    fillItem(em, entity, item, tags, now);
    entities.set(item.ref, entity);
  }
  await em.flush();
  for (const [ref, entity] of entities) ids.set(ref, entity.id);
  return entities;
}

function fillItem(
  em: EntityManager,
  entity: ContentEntity,
  item: SeedItem,
  tags: ReadonlyMap<string, Tag>,
  now: Date,
): void {
  const descriptor = descriptorOf(item.type);
  Object.assign(entity, pick(item.nl, descriptor.neutralFields), {
    type: item.type,
    slug: item.slug,
    contentHash: item.hash,
    sortTitleNl: foldText(item.nl.title as string),
    sortTitleEn: foldText((item.en?.title ?? item.nl.title) as string),
    asOf: (item.nl.asOf as string | undefined) ?? null,
    updatedAt: now,
  });
  const translation = (locale: Locale, fields: Readonly<Record<string, unknown>>, body: string) =>
    em.create(ContentTranslation, {
      content: entity,
      locale,
      title: fields.title as string,
      summary: fields.summary as string,
      body,
      fields: pick(fields, descriptor.translatedFields),
    });
  entity.translations.add(translation(Locale.NL, item.nl, item.bodyNl));
  if (item.en) entity.translations.add(translation(Locale.EN, item.en, item.bodyEn));
  ((item.nl.sources as Record<string, string>[] | undefined) ?? []).forEach((s, position) => {
    entity.sources.add(
      em.create(Source, {
        content: entity,
        position,
        title: s.title,
        url: s.url ?? null,
        publisher: s.publisher ?? null,
        date: s.date ?? null,
      }),
    );
  });
  entity.tags.set(((item.nl.tags as string[] | undefined) ?? []).map((slug) => tags.get(slug)!));
}

function linkParents(
  em: EntityManager,
  plan: SeedPlan,
  entities: ReadonlyMap<string, ContentEntity>,
  ids: Ids,
): void {
  for (const item of [...plan.create, ...plan.update]) {
    const descriptor = descriptorOf(item.type);
    if (!descriptor.tree) continue;
    const parent = item.nl.parent as string | undefined;
    Object.assign(entities.get(item.ref)!, {
      parent: parent
        ? em.getReference(descriptor.entity, ids.get(parent)!, { wrapped: true })
        : null,
    });
  }
}

function addLinks(em: EntityManager, plan: SeedPlan, ids: Ids): void {
  for (const l of plan.links.add) {
    em.create(ContentLink, {
      from: em.getReference(ContentEntity, ids.get(l.from)!, { wrapped: true }),
      to: em.getReference(ContentEntity, ids.get(l.to)!, { wrapped: true }),
      kind: l.kind,
      position: l.position,
    });
  }
}

async function deleteTags(em: EntityManager, plan: SeedPlan): Promise<void> {
  for (const batch of chunks([...plan.tags.delete])) {
    const ids = (await em.find(Tag, { slug: { $in: batch } })).map((t) => t.id);
    await pivot(em).whereIn('tag_id', ids).delete();
    await em.nativeDelete(Tag, { id: { $in: ids } });
  }
}
