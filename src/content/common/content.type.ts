import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { Arg, Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import type { ContentEntity } from './content.entity';
import type { ContentTranslation } from './content-translation.entity';
import { ContentType, Locale, TextFormat } from './enums';
import { renderBody } from './markdown';
import { toGlobalId } from './node-id';
import type { ContentReader } from './content.reader';

/** GraphQL object type name per content type. */
export const OBJECT_TYPE_NAMES: Readonly<Record<ContentType, string>> = {
  [ContentType.GUIDANCE]: 'Guidance',
  [ContentType.LEGAL_POWER]: 'LegalPower',
  [ContentType.PREVENTION_APPROACH]: 'PreventionApproach',
  [ContentType.TARGET_GROUP]: 'TargetGroupProfile',
};

const resolveType = (value: { type: ContentType }) => OBJECT_TYPE_NAMES[value.type];

@InterfaceType('Node', { description: 'An object with a globally unique, stable id.', resolveType })
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Global id; pass it to `node(id:)` to fetch the object again.' })
  id!: string;
}

@ObjectType('Tag', { description: 'A subject tag.' })
export class TagObject {
  @Field({ description: 'Stable identifier, used in filters.' })
  slug!: string;

  @Field({ description: 'Display name in the requested locale (Dutch when untranslated).' })
  name!: string;
}

@ObjectType('Source', { description: 'A source cited by an item.' })
export class SourceObject {
  @Field({ description: 'Title of the publication, page or law.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Where to read it.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  publisher!: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'Publication date.' })
  date!: string | null;
}

/**
 * One item as served in one locale. Translated fields fall back to Dutch one by one; `locale`
 * says which translation was served. Relations resolve through the request's DataLoaders.
 */
@InterfaceType('Content', {
  implements: NodeInterface,
  resolveType,
  description: 'Fields every content item has.',
})
export abstract class ContentObject extends NodeInterface {
  /** Database id (internal). */
  readonly dbId: number;
  /** Locale the client asked for; relations are served in it too. */
  readonly requestedLocale: Locale;
  protected readonly reader: ContentReader;
  protected readonly nl: ContentTranslation;
  protected readonly en: ContentTranslation | undefined;

  @Field({ description: 'Identifier within its type, as in the seed file name.' })
  slug: string;

  @Field(() => ContentType, { description: 'Kind of content.' })
  type: ContentType;

  @Field(() => Locale, {
    description: 'Locale actually served: EN only when an English translation exists.',
  })
  locale: Locale;

  @Field(() => [Locale], { description: 'Locales this item is written in.' })
  availableLocales: Locale[];

  @Field({ description: 'Title.' })
  title: string;

  @Field({ description: 'Short plain-text summary (at most 300 characters).' })
  summary: string;

  @Field(() => DateTimeResolver, { description: 'When the item last changed.' })
  updatedAt: Date;

  @Field(() => DateResolver, {
    nullable: true,
    description:
      'Stand van zaken: the date the facts in this item were last checked, for time-sensitive items.',
  })
  asOf: string | null;

  constructor(
    reader: ContentReader,
    entity: ContentEntity,
    translations: ContentTranslation[],
    locale: Locale,
  ) {
    super();
    this.reader = reader;
    this.dbId = entity.id;
    this.requestedLocale = locale;
    this.nl = translations.find((t) => t.locale === Locale.NL)!;
    this.en = translations.find((t) => t.locale === Locale.EN);
    const served = locale === Locale.EN && this.en ? this.en : this.nl;
    this.id = toGlobalId(entity.type, entity.slug);
    this.slug = entity.slug;
    this.type = entity.type;
    this.locale = served.locale;
    this.availableLocales = this.en ? [Locale.NL, Locale.EN] : [Locale.NL];
    this.title = served.title || this.nl.title;
    this.summary = served.summary || this.nl.summary;
    this.updatedAt = entity.updatedAt;
    this.asOf = entity.asOf ?? null;
  }

  /** A translated type-specific field, falling back to Dutch when the translation lacks it. */
  protected translated<T>(field: string, fallback: T): T {
    const own = this.locale === Locale.EN ? this.en?.fields[field] : undefined;
    return (own ?? this.nl.fields[field] ?? fallback) as T;
  }

  @Field(() => String, { description: 'The body text. Links to other items resolve to them.' })
  body(
    @Arg('format', () => TextFormat, {
      nullable: true,
      defaultValue: TextFormat.HTML,
      description: 'Output format.',
    })
    format: TextFormat | null,
  ): string {
    const source = this.locale === Locale.EN && this.en?.body ? this.en.body : this.nl.body;
    return renderBody(source, format ?? TextFormat.HTML);
  }

  @Field(() => [TagObject], { description: 'Subject tags.' })
  tags(): Promise<TagObject[]> {
    return this.reader.tagsOf(this.dbId, this.requestedLocale);
  }

  @Field(() => [SourceObject], { description: 'Sources, in the order the editor listed them.' })
  sources(): Promise<SourceObject[]> {
    return this.reader.sourcesOf(this.dbId);
  }

  @Field(() => [ContentObject], {
    description: 'Items to see as well ("zie ook"), in both directions.',
  })
  related(
    @Arg('types', () => [ContentType], {
      nullable: true,
      description: 'Only items of these types.',
    })
    types?: ContentType[] | null,
  ): Promise<ContentObject[]> {
    return this.reader.relatedOf(this.dbId, this.requestedLocale, types ?? undefined);
  }
}
