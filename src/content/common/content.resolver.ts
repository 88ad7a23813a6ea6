import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ContentObject, NodeInterface, TagObject } from './content.type';
import { ContentType, Locale } from './enums';
import { fromGlobalId } from './node-id';
import { Tag } from './tag.entity';
import { isSlug } from '../../lib/slug';

@Resolver()
export class ContentResolver {
  @Query(() => NodeInterface, {
    nullable: true,
    description: 'Any object by its global id; null when it does not exist.',
  })
  node(
    @Arg('id', () => ID, { description: 'A global id from an `id` field.' }) id: string,
    @Arg('locale', () => Locale, {
      nullable: true,
      defaultValue: Locale.NL,
      description: 'Locale to serve.',
    })
    locale: Locale | null,
    @Ctx() { reader }: Context,
  ): Promise<ContentObject | null> {
    const key = fromGlobalId(id);
    return key ? reader.bySlug(key.type, key.slug, locale ?? Locale.NL) : Promise.resolve(null);
  }

  @Query(() => ContentObject, {
    nullable: true,
    description: 'One item of any type by type and slug; null when absent.',
  })
  content(
    @Arg('type', () => ContentType, { description: 'Kind of content.' }) type: ContentType,
    @Arg('slug', { description: 'Slug of the item.' }) slug: string,
    @Arg('locale', () => Locale, {
      nullable: true,
      defaultValue: Locale.NL,
      description: 'Locale to serve.',
    })
    locale: Locale | null,
    @Ctx() { reader }: Context,
  ): Promise<ContentObject | null> {
    return isSlug(slug) ? reader.bySlug(type, slug, locale ?? Locale.NL) : Promise.resolve(null);
  }

  @Query(() => [TagObject], { description: 'All tags, ordered by slug.' })
  async tags(
    @Arg('locale', () => Locale, {
      nullable: true,
      defaultValue: Locale.NL,
      description: 'Locale of the names.',
    })
    locale: Locale | null,
    @Ctx() { em }: Context,
  ): Promise<TagObject[]> {
    const rows = await em.find(Tag, {}, { orderBy: { slug: 'asc' } });
    return rows.map((t) => ({
      slug: t.slug,
      name: locale === Locale.EN && t.nameEn ? t.nameEn : t.nameNl,
    }));
  }
}
