import { capped } from '../common/list-input';
import type { ContentItem } from './item';
import type { ItemFilter } from './list';

/**
 * Building blocks of the list filters. Each returns undefined when its argument is absent, so a
 * type's filter input maps onto them field by field and `allOf` drops what was not asked.
 */

export function allOf(...filters: (ItemFilter | undefined)[]): ItemFilter {
  const active = filters.filter((f): f is ItemFilter => f !== undefined);
  if (active.length === 1) return active[0];
  return (item) => active.every((f) => f(item));
}

/** Items carrying every one of `tags` (at most MAX_LIST_INPUT). */
export const withTags = (given: readonly string[] | null | undefined): ItemFilter | undefined => {
  const tags = capped('filter.tags', given);
  return tags?.length
    ? (item) => tags.every((t) => item.tags.some((own) => own.slug === t))
    : undefined;
};

/** Items whose language-neutral `field` is one of `values` (at most MAX_LIST_INPUT). */
export const fieldIn = (
  field: string,
  given: readonly unknown[] | null | undefined,
): ItemFilter | undefined => {
  const values = capped(`filter.${field}`, given);
  return values?.length ? (item) => values.includes(item.fields[field]) : undefined;
};

/** Items whose language-neutral text `field` equals `value`, ignoring case. */
export const fieldEquals = (
  field: string,
  value: string | null | undefined,
): ItemFilter | undefined => {
  if (!value) return undefined;
  const wanted = value.toLowerCase();
  return (item) => {
    const own = item.fields[field];
    return typeof own === 'string' && own.toLowerCase() === wanted;
  };
};

/** Items with a typed relation to the item of `type` with `slug`. */
export const linkedTo = (type: string, slug: string | null | undefined): ItemFilter | undefined =>
  slug ? (item) => item.typed.some((t) => t.type === type && t.slug === slug) : undefined;

/** Children of the item with `slug` (tree types). */
export const childOf = (slug: string | null | undefined): ItemFilter | undefined =>
  slug === null || slug === undefined ? undefined : (item) => item.parent?.slug === slug;

/** Items at the top of the tree. */
export const topLevel = (on: boolean | null | undefined): ItemFilter | undefined =>
  on ? (item: ContentItem) => item.parent === null : undefined;
