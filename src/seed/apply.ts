import type { EntityManager } from '@mikro-orm/knex';
import { ContentEntity } from '../content/common/content.entity';
import { ContentLink } from '../content/common/content-link.entity';
import { ContentState } from '../content/common/content-state.entity';
import { ContentTranslation } from '../content/common/content-translation.entity';
import { ContentType, Locale, TYPE_FOLDERS } from '../content/common/enums';
import { Source } from '../content/common/source.entity';
import { Tag } from '../content/common/tag.entity';
import { Guidance } from '../content/guidance/guidance.entity';
import { LegalPower } from '../content/legal-power/legal-power.entity';
import { PreventionApproach } from '../content/prevention-approach/prevention-approach.entity';
import { TargetGroupProfile } from '../content/target-group/target-group.entity';
import { foldText } from '../lib/text';
import { TRANSLATED_FIELDS } from './front-matter';
import { planChangeCount, type SeedPlan } from './plan';
import { applyRoleModel } from './role-model.plan';
import type { SeedItem } from './validate';

const ENTITY_OF = {
  [ContentType.GUIDANCE]: Guidance,
  [ContentType.LEGAL_POWER]: LegalPower,
  [ContentType.PREVENTION_APPROACH]: PreventionApproach,
  [ContentType.TARGET_GROUP]: TargetGroupProfile,
} as const;

function neutralFields(item: SeedItem): Record<string, unknown> {
  switch (item.type) {
    case ContentType.GUIDANCE:
      return { kind: item.nl.kind, position: item.nl.position };
    case ContentType.LEGAL_POWER:
      return {
        authority: item.nl.authority,
        law: item.nl.law,
        bwbId: item.nl.bwbId,
        article: item.nl.article,
      };
    case ContentType.PREVENTION_APPROACH:
      return { level: item.nl.level };
    case ContentType.TARGET_GROUP:
      return {};
  }
}

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
 * Applies a plan inside the caller's transaction. Returns the new content version (unchanged
 * when the plan is empty).
 */
export async function applyPlan(
  em: EntityManager,
  plan: SeedPlan,
  now = new Date(),
): Promise<number> {
  const state = await em.findOne(ContentState, { id: 1 });
  if (planChangeCount(plan) === 0 && state) return state.version;

  for (const t of plan.tags.create)
    em.create(Tag, { slug: t.slug, nameNl: t.nameNl, nameEn: t.nameEn });
  for (const t of plan.tags.update) {
    const row = await em.findOneOrFail(Tag, { slug: t.slug });
    row.nameNl = t.nameNl;
    row.nameEn = t.nameEn;
  }
  await em.flush();

  const refOf = (e: { type: ContentType; slug: string }) => `${TYPE_FOLDERS[e.type]}/${e.slug}`;
  const rows = await em.find(ContentEntity, {}, { fields: ['id', 'type', 'slug'] });
  const idOf = new Map(rows.map((r) => [refOf(r), r.id]));

  const linkIds = plan.links.remove.map((l) => l.id);
  if (linkIds.length) await em.nativeDelete(ContentLink, { id: { $in: linkIds } });

  const removedIds = plan.delete.map((d) => d.id);
  const updatedIds = plan.update.map((u) => idOf.get(u.ref)!);
  const touched = [...removedIds, ...updatedIds];
  if (touched.length) {
    await em.nativeDelete(ContentTranslation, { content: { $in: touched } });
    await em.nativeDelete(Source, { content: { $in: touched } });
    await pivot(em).whereIn('content_id', touched).delete();
  }
  if (removedIds.length) {
    await em.nativeDelete(ContentLink, {
      $or: [{ from: { $in: removedIds } }, { to: { $in: removedIds } }],
    });
    await em.nativeUpdate(Guidance, { parent: { $in: removedIds } }, { parent: null });
    await em.nativeDelete(ContentEntity, { id: { $in: removedIds } });
  }

  const tags = new Map((await em.find(Tag, {})).map((t) => [t.slug, t]));
  const entities = new Map<string, ContentEntity>();
  for (const item of [...plan.create, ...plan.update]) {
    const id = idOf.get(item.ref);
    const entity: ContentEntity = id
      ? await em.findOneOrFail(ENTITY_OF[item.type] as typeof ContentEntity, { id })
      : em.create(ENTITY_OF[item.type] as typeof Guidance, { createdAt: now } as never);
    const en = item.en;
    Object.assign(entity, neutralFields(item), {
      type: item.type,
      slug: item.slug,
      contentHash: item.hash,
      sortTitleNl: foldText(item.nl.title as string),
      sortTitleEn: foldText((en?.title ?? item.nl.title) as string),
      asOf: (item.nl.asOf as string | undefined) ?? null,
      updatedAt: now,
    });
    entities.set(item.ref, entity);
    const translated = TRANSLATED_FIELDS[item.type];
    entity.translations.add(
      em.create(ContentTranslation, {
        content: entity,
        locale: Locale.NL,
        title: item.nl.title as string,
        summary: item.nl.summary as string,
        body: item.bodyNl,
        fields: pick(item.nl, translated),
      }),
    );
    if (en) {
      entity.translations.add(
        em.create(ContentTranslation, {
          content: entity,
          locale: Locale.EN,
          title: en.title as string,
          summary: en.summary as string,
          body: item.bodyEn,
          fields: pick(en, translated),
        }),
      );
    }
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
  await em.flush();
  for (const e of entities.values()) idOf.set(refOf(e), e.id);

  for (const item of [...plan.create, ...plan.update]) {
    if (item.type !== ContentType.GUIDANCE) continue;
    const entity = entities.get(item.ref) as Guidance;
    const parent = item.nl.parent as string | undefined;
    entity.parent = parent ? em.getReference(Guidance, idOf.get(parent)!, { wrapped: true }) : null;
  }
  for (const l of plan.links.add) {
    em.create(ContentLink, {
      from: em.getReference(ContentEntity, idOf.get(l.from)!, { wrapped: true }),
      to: em.getReference(ContentEntity, idOf.get(l.to)!, { wrapped: true }),
      kind: l.kind,
      position: l.position,
    });
  }
  await em.flush();

  if (plan.tags.delete.length) {
    const ids = (await em.find(Tag, { slug: { $in: [...plan.tags.delete] } })).map((t) => t.id);
    await pivot(em).whereIn('tag_id', ids).delete();
    await em.nativeDelete(Tag, { id: { $in: ids } });
  }

  await applyRoleModel(em, plan.roleModel, now);
  const version = (state?.version ?? 0) + 1;
  if (state) {
    state.version = version;
    state.updatedAt = now;
  } else {
    em.create(ContentState, { id: 1, version, updatedAt: now });
  }
  await em.flush();
  return version;
}
