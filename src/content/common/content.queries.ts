import { canonicalJson } from '../../lib/hash';
import { isSlug } from '../../lib/slug';
import type { ConnectionShape } from './connection';
import type { ContentListArgs, SlugArgs } from './content.args';
import type { ContentObject } from './content.type';
import type { ContentContext } from './context';
import { Locale } from './enums';
import { listItems, type ItemFilter } from '../read-model/list';

/** Shared body of the per-type singular queries: the item of `type` with `slug`, or null. */
export function findBySlug<T extends ContentObject>(
  { content }: ContentContext,
  type: string,
  { slug, locale }: SlugArgs,
): T | null {
  const item = isSlug(slug) ? content.item(type, slug) : undefined;
  return item ? (content.view(item, locale ?? Locale.NL) as T) : null;
}

/**
 * Shared body of the per-type list queries: `input` is the GraphQL filter argument and
 * `toFilter` makes the item test from it (the list of an input is kept per content version).
 */
export function listOf<I>(
  { content }: ContentContext,
  type: string,
  args: ContentListArgs,
  input: I | null,
  toFilter: (input: I | null) => ItemFilter,
): ConnectionShape<ContentObject> {
  return listItems(content, {
    type,
    locale: args.locale ?? Locale.NL,
    first: args.first,
    after: args.after,
    order: args.orderBy,
    filter: input ? { key: canonicalJson(input), test: toFilter(input) } : undefined,
  });
}
