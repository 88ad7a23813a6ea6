import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ContentObject, NodeInterface, TagObject } from './common/content.type';
import type { ContentContext } from './common/context';
import { Locale } from './common/enums';
import { labelIn, labelledEnums } from './common/labels';
import { EnumLabelsObject } from './common/labels.type';
import { fromGlobalId } from './common/node-id';
import { findBySlug } from './common/content.queries';
import { capped } from './common/list-input';
import { tagName } from './read-model/item';
import type { ContentSnapshot } from './read-model/snapshot';
import { ContentType } from './registry';

/** Most ids `nodes` takes at once. */
const MAX_NODE_IDS = 100;

/** The view of the item a global id names, in `locale`; null when this version lacks it. */
function viewOfId(content: ContentSnapshot, id: string, locale: Locale): ContentObject | null {
  const key = fromGlobalId(id);
  const item = key && content.item(key.type, key.slug);
  return item ? content.view(item, locale) : null;
}

const LOCALE_ARG = {
  nullable: true,
  defaultValue: Locale.NL,
  description: 'Locale to serve.',
} as const;

/** Queries over all content types, from the request's content version. */
@Resolver()
export class ContentResolver {
  @Query(() => NodeInterface, {
    nullable: true,
    description: 'Any object by its global id; null when it does not exist.',
  })
  node(
    @Arg('id', () => ID, { description: 'A global id from an `id` field.' }) id: string,
    @Arg('locale', () => Locale, LOCALE_ARG) locale: Locale | null,
    @Ctx() { content }: ContentContext,
  ): ContentObject | null {
    return viewOfId(content, id, locale ?? Locale.NL);
  }

  @Query(() => [NodeInterface], {
    nullable: 'items',
    description:
      'Objects by global id, in the order asked (at most 100); null in the place of an id that does not exist.',
  })
  nodes(
    @Arg('ids', () => [ID], { description: 'Global ids from `id` fields.' }) ids: string[],
    @Arg('locale', () => Locale, LOCALE_ARG) locale: Locale | null,
    @Ctx() { content }: ContentContext,
  ): (ContentObject | null)[] {
    capped('ids', ids, MAX_NODE_IDS);
    return ids.map((id) => viewOfId(content, id, locale ?? Locale.NL));
  }

  @Query(() => [EnumLabelsObject], {
    description:
      'Display names of the values of the content enums (ContentType, GuidanceKind, LegalAuthority, Locale, PreventionLevel), for labels and filters.',
  })
  enumLabels(
    @Arg('locale', () => Locale, { ...LOCALE_ARG, description: 'Locale of the names.' })
    locale: Locale | null,
  ): EnumLabelsObject[] {
    const lang = locale ?? Locale.NL;
    return labelledEnums().map(([name, labels]) => ({
      name,
      values: Object.entries(labels).map(([value, label]) => ({
        value,
        label: labelIn(label, lang),
      })),
    }));
  }

  @Query(() => ContentObject, {
    nullable: true,
    description: 'One item of any type by type and slug; null when absent.',
  })
  content(
    @Arg('type', () => ContentType, { description: 'Kind of content.' }) type: ContentType,
    @Arg('slug', { description: 'Slug of the item.' }) slug: string,
    @Arg('locale', () => Locale, LOCALE_ARG) locale: Locale | null,
    @Ctx() context: ContentContext,
  ): ContentObject | null {
    return findBySlug(context, type, { slug, locale });
  }

  @Query(() => [TagObject], { description: 'All tags, ordered by slug.' })
  tags(
    @Arg('locale', () => Locale, { ...LOCALE_ARG, description: 'Locale of the names.' })
    locale: Locale | null,
    @Ctx() { content }: ContentContext,
  ): TagObject[] {
    return content.tags.map((t) => ({ slug: t.slug, name: tagName(t, locale ?? Locale.NL) }));
  }
}

/** Fields of the Content interface that name the registered types. */
@Resolver(() => ContentObject)
export class ContentFields {
  @FieldResolver(() => ContentType, { description: 'Kind of content.' })
  type(@Root() item: ContentObject): string {
    return item.type;
  }

  @FieldResolver(() => [ContentObject], {
    description: 'Items to see as well ("zie ook"), in both directions.',
  })
  related(
    @Root() item: ContentObject,
    @Arg('types', () => [ContentType], {
      nullable: true,
      description: 'Only items of these types (at most 20 entries).',
    })
    given?: ContentType[] | null,
  ): ContentObject[] {
    const related = item.item.related;
    const types = capped('types', given);
    return item.viewsOf(
      types ? related.filter((r) => types.includes(r.type as ContentType)) : related,
    );
  }
}
