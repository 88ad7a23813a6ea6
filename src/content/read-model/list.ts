import { BadUserInputError } from '../../lib/errors';
import { partitionPoint } from '../../lib/sorted';
import { decodeKeyset, encodeKeyset, pageSize, type ConnectionShape } from '../common/connection';
import type { ContentOrder } from '../common/content.args';
import type { ContentObject } from '../common/content.type';
import { ContentOrderField, type Locale, SortDirection } from '../common/enums';
import type { ContentItem } from './item';
import { compareKeys, type ContentSnapshot, type SortValue } from './snapshot';

/** Whether an item belongs in a filtered list. */
export type ItemFilter = (item: ContentItem) => boolean;

export interface ListArgs {
  readonly type: string;
  readonly locale: Locale;
  readonly first?: number | null;
  readonly after?: string | null;
  readonly order?: ContentOrder | null;
  /** Which items belong; `key` identifies the test (its arguments): equal keys, equal lists. */
  readonly filter?: { readonly key: string; readonly test: ItemFilter };
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
  if (field === ContentOrderField.POSITION && !model.isTree(args.type)) {
    throw new BadUserInputError(
      'orderBy.field',
      'POSITION orders items of a tree type (guidance) only',
    );
  }
  const value = model.sortValue(args.type, field, args.locale);

  const ascending = model.ordered(args.type, field, args.locale);
  const filter = args.filter;
  const matching = filter
    ? model.filtered(`${args.type}\u0000${field}\u0000${args.locale}\u0000${filter.key}`, () =>
        ascending.filter(filter.test),
      )
    : ascending;
  // Position after the cursor: items sort by (value, id), so a binary search finds it.
  const sign = direction === SortDirection.ASC ? 1 : -1;
  let start = 0;
  if (after) {
    const at = cursorValue(field, after.value);
    start = partitionPoint(matching.length, (i) => {
      const item = matching[sign > 0 ? i : matching.length - 1 - i];
      return sign * compareKeys(value(item), item.dbId, at, after.id) <= 0;
    });
  }
  const page: ContentItem[] = [];
  for (let i = start; i < matching.length && page.length < first; i += 1)
    page.push(matching[sign > 0 ? i : matching.length - 1 - i]);
  const totalCount = matching.length;
  const hasNextPage = start + page.length < matching.length;
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
  if (field === ContentOrderField.POSITION) {
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw new BadUserInputError('after', 'is not a cursor returned by this API');
    return value;
  }
  if (field !== ContentOrderField.UPDATED_AT) return value;
  const time = typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(time))
    throw new BadUserInputError('after', 'is not a cursor returned by this API');
  return time;
}
