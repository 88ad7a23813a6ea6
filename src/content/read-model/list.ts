import { BadUserInputError } from '../../lib/errors';
import { decodeKeyset, encodeKeyset, pageSize, type ConnectionShape } from '../common/connection';
import type { ContentOrder } from '../common/content.args';
import type { ContentObject } from '../common/content.type';
import { ContentOrderField, type Locale, SortDirection } from '../common/enums';
import type { ContentItem } from './item';
import { compareKeys, sortValue, type ContentSnapshot, type SortValue } from './snapshot';

/** Whether an item belongs in a filtered list. */
export type ItemFilter = (item: ContentItem) => boolean;

export interface ListArgs {
  readonly type: string;
  readonly locale: Locale;
  readonly first?: number | null;
  readonly after?: string | null;
  readonly order?: ContentOrder | null;
  readonly filter?: ItemFilter;
}

/**
 * One page of a content list, from the snapshot: filtered, ordered by (sort value, database id)
 * and paged by keyset, so a cursor stays valid while the content changes around it.
 */
export function listItems(model: ContentSnapshot, args: ListArgs): ConnectionShape<ContentObject> {
  const first = pageSize(args.first);
  const field = args.order?.field ?? ContentOrderField.TITLE;
  const direction = args.order?.direction ?? SortDirection.ASC;
  const orderKey = `${args.type}:${field}:${direction}:${args.locale}`;
  const after = decodeKeyset(args.after, orderKey);
  const value = sortValue(field, args.locale);
  const filter = args.filter ?? (() => true);

  const ascending = model.ordered(args.type, field, args.locale);
  const ordered = direction === SortDirection.ASC ? ascending : [...ascending].reverse();
  const sign = direction === SortDirection.ASC ? 1 : -1;
  const start = after ? cursorValue(field, after.value) : undefined;

  const page: ContentItem[] = [];
  let totalCount = 0;
  let hasNextPage = false;
  for (const item of ordered) {
    if (!filter(item)) continue;
    totalCount += 1;
    if (start !== undefined && sign * compareKeys(value(item), item.dbId, start, after!.id) <= 0)
      continue;
    if (page.length < first) page.push(item);
    else hasNextPage = true;
  }
  const cursorOfItem = (item: ContentItem) =>
    encodeKeyset({ order: orderKey, value: cursorOf(field, value(item)), id: item.dbId });
  const edges = page.map((item) => new ListEdge(model.view(item, args.locale), item, cursorOfItem));
  return {
    totalCount,
    edges,
    pageInfo: new ListPageInfo(hasNextPage, after !== undefined, edges),
  };
}

/** An edge whose cursor is made only when asked for: most pages never read it. */
class ListEdge {
  constructor(
    readonly node: ContentObject,
    private readonly item: ContentItem,
    private readonly cursorOf: (item: ContentItem) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.item);
  }
}

class ListPageInfo {
  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    private readonly edges: readonly ListEdge[],
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

/** What a cursor carries: the folded title, or the time as ISO text. */
function cursorOf(field: ContentOrderField, value: SortValue): string | number {
  return field === ContentOrderField.UPDATED_AT ? new Date(value).toISOString() : value;
}

function cursorValue(field: ContentOrderField, value: string | number): SortValue {
  if (field !== ContentOrderField.UPDATED_AT) return value;
  const time = typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(time))
    throw new BadUserInputError('after', 'is not a cursor returned by this API');
  return time;
}
