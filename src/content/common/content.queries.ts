import type { Context } from '../../graphql/context';
import { isSlug } from '../../lib/slug';
import type { ContentListArgs, SlugArgs } from './content.args';
import { listContent, type ListFilter } from './content.list';
import type { ContentObject } from './content.type';
import { Locale, type ContentType } from './enums';

/** Shared bodies of the per-type singular and list queries. */
export function findBySlug<T extends ContentObject>(
  ctx: Context,
  type: ContentType,
  { slug, locale }: SlugArgs,
): Promise<T | null> {
  return isSlug(slug)
    ? (ctx.reader.bySlug(type, slug, locale ?? Locale.NL) as Promise<T | null>)
    : Promise.resolve(null);
}

export function listOf(ctx: Context, type: ContentType, args: ContentListArgs, filter: ListFilter) {
  return listContent(ctx.em, ctx.reader, {
    type,
    locale: args.locale ?? Locale.NL,
    first: args.first,
    after: args.after,
    order: args.orderBy,
    filter,
  });
}

/** Common `tags` filter: items carrying every listed tag. */
export function tagFilter(tags: readonly string[] | null | undefined): ListFilter {
  return tags?.length ? { tags } : {};
}
