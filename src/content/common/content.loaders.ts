import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { ContentEntity } from './content.entity';
import { ContentLink, type LinkKind } from './content-link.entity';
import { ContentTranslation } from './content-translation.entity';
import { ContentType } from './enums';
import { Source } from './source.entity';

export interface TagRow {
  readonly slug: string;
  readonly nameNl: string;
  readonly nameEn: string | null;
}

export interface LinkRow {
  readonly toId: number;
  readonly kind: LinkKind;
  readonly position: number;
}

function groupBy<K, V>(rows: readonly V[], key: (row: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/**
 * Per-request batch loaders: every relation of a page of items costs one statement, whatever
 * the page size. Batch functions return results in key order (DataLoader's contract).
 */
export function createContentLoaders(em: EntityManager) {
  const knex = em.getKnex();
  return {
    content: new DataLoader<number, ContentEntity | undefined>(async (ids) => {
      const rows = await em.find(ContentEntity, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
    contentBySlug: new DataLoader<string, ContentEntity | undefined>(async (keys) => {
      const pairs = keys.map((k) => k.split('/') as [ContentType, string]);
      const rows = await em.find(ContentEntity, {
        $or: pairs.map(([type, slug]) => ({ type, slug })),
      });
      const byKey = new Map(rows.map((r) => [`${r.type}/${r.slug}`, r]));
      return keys.map((k) => byKey.get(k));
    }),
    translations: new DataLoader<number, ContentTranslation[]>(async (ids) => {
      const rows = await em.find(ContentTranslation, { content: { $in: [...ids] } });
      const byId = groupBy(rows, (r) => r.content.id);
      return ids.map((id) => byId.get(id) ?? []);
    }),
    sources: new DataLoader<number, Source[]>(async (ids) => {
      const rows = await em.find(
        Source,
        { content: { $in: [...ids] } },
        { orderBy: { position: 'asc' } },
      );
      const byId = groupBy(rows, (r) => r.content.id);
      return ids.map((id) => byId.get(id) ?? []);
    }),
    tags: new DataLoader<number, TagRow[]>(async (ids) => {
      const rows = (await knex
        .select('ct.content_id', 't.slug', 't.name_nl', 't.name_en')
        .from('content_tag as ct')
        .join('tag as t', 't.id', 'ct.tag_id')
        .whereIn('ct.content_id', [...ids])
        .orderBy('t.slug')) as {
        content_id: number;
        slug: string;
        name_nl: string;
        name_en: string | null;
      }[];
      const byId = groupBy(rows, (r) => Number(r.content_id));
      return ids.map((id) =>
        (byId.get(id) ?? []).map((r) => ({ slug: r.slug, nameNl: r.name_nl, nameEn: r.name_en })),
      );
    }),
    links: new DataLoader<number, LinkRow[]>(async (ids) => {
      const rows = await em.find(
        ContentLink,
        { from: { $in: [...ids] } },
        { orderBy: { position: 'asc', id: 'asc' } },
      );
      const byId = groupBy(rows, (r) => r.from.id);
      return ids.map((id) =>
        (byId.get(id) ?? []).map((r) => ({ toId: r.to.id, kind: r.kind, position: r.position })),
      );
    }),
    children: new DataLoader<number, number[]>(async (ids) => {
      const rows = (await knex
        .select('id', 'parent_id')
        .from('content')
        .where('type', ContentType.GUIDANCE)
        .whereIn('parent_id', [...ids])
        .orderBy([{ column: 'position' }, { column: 'sort_title_nl' }, { column: 'id' }])) as {
        id: number;
        parent_id: number;
      }[];
      const byId = groupBy(rows, (r) => Number(r.parent_id));
      return ids.map((id) => (byId.get(id) ?? []).map((r) => Number(r.id)));
    }),
  };
}

export type ContentLoaders = ReturnType<typeof createContentLoaders>;
