import type { EntityManager } from '@mikro-orm/knex';
import { plainRows } from '../db/orm';
import { ContentEntity } from '../content/common/content.entity';
import { ContentLink, LinkKind } from '../content/common/content-link.entity';
import { SynonymsDocument } from '../content/common/synonyms.entity';
import { Tag } from '../content/common/tag.entity';
import type { SynonymTerms } from '../content/read-model/snapshot';
import { CONTENT_TYPES, itemRef, type ContentType } from '../content/registry';
import type { RoleModelData } from '../content/role-model/role-model.data';
import { RoleModel } from '../content/role-model/role-model.entity';
import { planDocument, type DocumentPlan } from './documents.plan';
import type { SeedItem, SeedTag, ValidatedSeed } from './validate';

export interface LinkSpec {
  readonly from: string; // ref
  readonly to: string; // ref
  readonly kind: LinkKind;
  readonly position: number;
}

export interface ExistingItem {
  readonly id: number;
  readonly type: ContentType;
  readonly slug: string;
  readonly ref: string;
  readonly hash: string;
}

/** What a seed run will change, computed by comparing content hashes with the database. */
export interface SeedPlan {
  readonly create: readonly SeedItem[];
  readonly update: readonly SeedItem[];
  readonly delete: readonly ExistingItem[];
  readonly unchanged: number;
  /** Database ids of the items stored when the plan was made, by `<type-folder>/<slug>`. */
  readonly ids: ReadonlyMap<string, number>;
  readonly tags: {
    readonly create: readonly SeedTag[];
    readonly update: readonly SeedTag[];
    readonly delete: readonly string[];
  };
  readonly links: {
    readonly add: readonly LinkSpec[];
    /** Stored links to drop, with their row id so applying needs no lookup. */
    readonly remove: readonly (LinkSpec & { readonly id: number })[];
  };
  readonly roleModel: DocumentPlan<RoleModelData>;
  readonly synonyms: DocumentPlan<SynonymTerms>;
}

export function planChangeCount(plan: SeedPlan): number {
  return (
    plan.create.length +
    plan.update.length +
    plan.delete.length +
    plan.tags.create.length +
    plan.tags.update.length +
    plan.tags.delete.length +
    plan.links.add.length +
    plan.links.remove.length +
    (plan.roleModel.change === 'none' ? 0 : 1) +
    (plan.synonyms.change === 'none' ? 0 : 1)
  );
}

/** The typed relation fields of any registered type. */
const TYPED_FIELDS = [...new Set(CONTENT_TYPES.flatMap((d) => Object.keys(d.links)))];

/**
 * Every relation stored in both directions. A relation declared in both files keeps the
 * position from the file of the item it is read from.
 */
export function desiredLinks(items: readonly SeedItem[]): LinkSpec[] {
  const links = new Map<string, LinkSpec>();
  const add = (from: string, to: string, kind: LinkKind, position: number, declared: boolean) => {
    const key = `${from}|${to}|${kind}`;
    const existing = links.get(key);
    if (!existing || (declared && existing.position >= 1000))
      links.set(key, { from, to, kind, position });
  };
  for (const item of items) {
    const declare = (targets: unknown, kind: LinkKind) => {
      ((targets as string[] | undefined) ?? []).forEach((to, i) => {
        add(item.ref, to, kind, i, true);
        add(to, item.ref, kind, 1000 + i, false);
      });
    };
    declare(item.nl.related, LinkKind.RELATED);
    for (const field of TYPED_FIELDS) declare(item.nl[field], LinkKind.TYPED);
  }
  return [...links.values()];
}

const linkKey = (l: LinkSpec) => `${l.from}|${l.to}|${l.kind}|${l.position}`;

export async function planSeed(em: EntityManager, seed: ValidatedSeed): Promise<SeedPlan> {
  const rows = (await plainRows(em, ContentEntity.name, {}, [
    'id',
    'type',
    'slug',
    'contentHash',
  ])) as { id: number; type: string; slug: string; contentHash: string }[];
  const existing = new Map<string, ExistingItem>(
    rows.map((r) => {
      const ref = itemRef(r.type, r.slug);
      const id = Number(r.id);
      return [ref, { id, type: r.type as ContentType, slug: r.slug, ref, hash: r.contentHash }];
    }),
  );
  const wanted = new Set(seed.items.map((i) => i.ref));
  const create = seed.items.filter((i) => !existing.has(i.ref));
  const update = seed.items.filter(
    (i) => existing.has(i.ref) && existing.get(i.ref)!.hash !== i.hash,
  );
  const remove = [...existing.values()].filter((e) => !wanted.has(e.ref));

  const tagRows = (await plainRows(em, Tag.name, {}, ['slug', 'nameNl', 'nameEn'])) as {
    slug: string;
    nameNl: string;
    nameEn: string | null;
  }[];
  const tagBySlug = new Map(tagRows.map((t) => [t.slug, t]));
  const wantedTags = new Set(seed.tags.map((t) => t.slug));

  const byId = new Map([...existing.values()].map((e) => [e.id, e.ref]));
  const linkRows = (await plainRows(em, ContentLink.name, {}, [
    'id',
    'from',
    'to',
    'kind',
    'position',
  ])) as { id: number; from: number; to: number; kind: LinkKind; position: number }[];
  const current = linkRows.map((l) => ({
    id: Number(l.id),
    from: byId.get(Number(l.from))!,
    to: byId.get(Number(l.to))!,
    kind: l.kind,
    position: Number(l.position),
  }));
  const desired = desiredLinks(seed.items);
  const currentKeys = new Set(current.map(linkKey));
  const desiredKeys = new Set(desired.map(linkKey));

  return {
    create,
    update,
    delete: remove,
    unchanged: seed.items.length - create.length - update.length,
    ids: new Map([...existing].map(([ref, e]) => [ref, e.id])),
    tags: {
      create: seed.tags.filter((t) => !tagBySlug.has(t.slug)),
      update: seed.tags.filter((t) => {
        const row = tagBySlug.get(t.slug);
        return row && (row.nameNl !== t.nameNl || (row.nameEn ?? null) !== t.nameEn);
      }),
      delete: tagRows.filter((t) => !wantedTags.has(t.slug)).map((t) => t.slug),
    },
    links: {
      add: desired.filter((l) => !currentKeys.has(linkKey(l))),
      remove: current.filter((l) => !desiredKeys.has(linkKey(l))),
    },
    roleModel: await planDocument(em, RoleModel, seed.roleModel),
    synonyms: await planDocument(em, SynonymsDocument, seed.synonyms),
  };
}
