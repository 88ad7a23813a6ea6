import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/knex';
import {
  decodeKeyset,
  encodeKeyset,
  pageSize,
  type ConnectionShape,
} from '../../graphql/connection';
import { LinkKind } from './content-link.entity';
import type { ContentObject } from './content.type';
import type { ContentReader } from './content.reader';
import { ContentOrderField, ContentType, type Locale, SortDirection } from './enums';
import type { ContentOrder } from './content.args';

/** Narrows a list query; each type's filter input maps onto these. */
export interface ListFilter {
  tags?: readonly string[];
  /** column -> allowed values */
  columnIn?: Readonly<Record<string, readonly string[]>>;
  /** case-insensitive equality on a column */
  columnEquals?: Readonly<Record<string, string>>;
  /** items with a typed relation to the item `<type>/<slug>` */
  linkedTo?: readonly { type: ContentType; slug: string }[];
  parentSlug?: string;
  topLevel?: boolean;
}

export interface ListArgs {
  type: ContentType;
  locale: Locale;
  first?: number | null;
  after?: string | null;
  order?: ContentOrder | null;
  filter: ListFilter;
}

function applyFilter(
  knex: Knex,
  q: Knex.QueryBuilder,
  type: ContentType,
  filter: ListFilter,
): void {
  q.where('c.type', type);
  for (const tag of filter.tags ?? []) {
    q.whereIn(
      'c.id',
      knex('content_tag as ct')
        .join('tag as t', 't.id', 'ct.tag_id')
        .where('t.slug', tag)
        .select('ct.content_id'),
    );
  }
  for (const [column, values] of Object.entries(filter.columnIn ?? {}))
    q.whereIn(`c.${column}`, [...values]);
  for (const [column, value] of Object.entries(filter.columnEquals ?? {})) {
    q.whereRaw('lower(??) = lower(?)', [`c.${column}`, value]);
  }
  for (const target of filter.linkedTo ?? []) {
    q.whereIn(
      'c.id',
      knex('content_link as l')
        .join('content as o', 'o.id', 'l.to_id')
        .where({ 'l.kind': LinkKind.TYPED, 'o.type': target.type, 'o.slug': target.slug })
        .select('l.from_id'),
    );
  }
  if (filter.parentSlug !== undefined) {
    q.whereIn(
      'c.parent_id',
      knex('content').where({ type: ContentType.GUIDANCE, slug: filter.parentSlug }).select('id'),
    );
  }
  if (filter.topLevel) q.whereNull('c.parent_id');
}

/**
 * One page of a content list with keyset pagination on (sort value, id): stable under
 * concurrent re-seeds, no offsets. Costs three statements: count, page ids, and the items
 * (through the loaders, shared with everything else in the request).
 */
export async function listContent(
  em: EntityManager,
  reader: ContentReader,
  args: ListArgs,
): Promise<ConnectionShape<ContentObject>> {
  const knex = em.getKnex();
  const first = pageSize(args.first);
  const field = args.order?.field ?? ContentOrderField.TITLE;
  const direction = args.order?.direction ?? SortDirection.ASC;
  const column = field === ContentOrderField.TITLE ? `sort_title_${args.locale}` : 'updated_at';
  const orderKey = `${args.type}:${field}:${direction}:${args.locale}`;
  const after = decodeKeyset(args.after, orderKey);

  const countQuery = knex('content as c').count({ n: '*' });
  applyFilter(knex, countQuery, args.type, args.filter);

  const pageQuery = knex('content as c').select('c.id', { sort: `c.${column}` });
  applyFilter(knex, pageQuery, args.type, args.filter);
  const op = direction === SortDirection.ASC ? '>' : '<';
  if (after) {
    const value =
      field === ContentOrderField.UPDATED_AT && typeof after.value === 'string'
        ? new Date(after.value)
        : after.value;
    pageQuery.where((w) => {
      void w.where(`c.${column}`, op, value).orWhere((e) => {
        void e.where(`c.${column}`, value).andWhere('c.id', op, after.id);
      });
    });
  }
  const dir = direction === SortDirection.ASC ? 'asc' : 'desc';
  pageQuery
    .orderBy([
      { column: `c.${column}`, order: dir },
      { column: 'c.id', order: dir },
    ])
    .limit(first + 1);

  const [countRows, rows] = await Promise.all([countQuery, pageQuery]);
  const page = (rows as { id: number; sort: string | number | Date }[]).slice(0, first);
  const nodes = await reader.viewsOf(
    page.map((r) => Number(r.id)),
    args.locale,
  );
  const edges = nodes.map((node, i) => {
    const raw = page[i].sort;
    const value = raw instanceof Date ? raw.toISOString() : raw;
    return { node, cursor: encodeKeyset({ order: orderKey, value, id: Number(page[i].id) }) };
  });
  return {
    totalCount: Number((countRows[0] as { n: number | string }).n),
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
