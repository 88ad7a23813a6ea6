import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { Arg, Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../../lib/errors';
import { tagName, translationIn, type ContentItem } from '../read-model/item';
import type { ContentSnapshot } from '../read-model/snapshot';
import { Locale, TextFormat } from './enums';

// Interfaces resolve to the class of the returned object: every view is an instance of its
// type's object class, so no resolveType is needed (nor a list of types to keep in step).
// Object types say `simpleResolvers`: their plain fields are read by graphql-js directly,
// without a type-graphql resolver (and its allocations) per field; none uses middleware.
@InterfaceType('Node', { description: 'An object with a globally unique, stable id.' })
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Global id; pass it to `node(id:)` to fetch the object again.' })
  id!: string;
}

@ObjectType('Tag', { simpleResolvers: true, description: 'A subject tag.' })
export class TagObject {
  @Field({ description: 'Stable identifier, used in filters.' })
  slug!: string;

  @Field({ description: 'Display name in the requested locale (Dutch when untranslated).' })
  name!: string;
}

@ObjectType('Source', { simpleResolvers: true, description: 'A source cited by an item.' })
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

@ObjectType('Heading', {
  simpleResolvers: true,
  description: 'A heading of a body, for a table of contents.',
})
export class HeadingObject {
  @Field({ description: 'The `id` attribute the heading carries in the HTML body.' })
  id!: string;

  @Field(() => Int, {
    description: 'Level as written: 2 for a section (`##`, `<h2>` without a heading offset).',
  })
  level!: number;

  @Field({ description: 'Text of the heading.' })
  text!: string;
}

/** The object class of a content type: one view of one item in one locale. */
export type ContentObjectClass = new (
  item: ContentItem,
  locale: Locale,
  model: ContentSnapshot,
) => ContentObject;

/**
 * One item as served in one locale, built once per content version by the read model. Translated
 * fields fall back to Dutch one by one; `locale` says which translation was served. `type` and
 * `related` are resolved in src/content/content.resolver.ts, which knows the registered types.
 */
@InterfaceType('Content', {
  implements: NodeInterface,
  description: 'Fields every content item has.',
})
export abstract class ContentObject extends NodeInterface {
  /** Locale the client asked for; relations are served in it too. */
  readonly requestedLocale: Locale;
  /** The content type (`ContentType` enum value). */
  readonly type: string;

  @Field({ description: 'Identifier within its type, as in the seed file name.' })
  slug: string;

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

  @Field(() => DateTimeResolver, {
    description:
      'When the content of the item last changed: the `updated` date of its seed file, else its `asOf` (midnight UTC). The same on every installation of the same content.',
  })
  updatedAt: Date;

  @Field(() => DateResolver, {
    nullable: true,
    description:
      'Stand van zaken: the date the facts in this item were last checked, for time-sensitive items.',
  })
  asOf: string | null;

  @Field({
    description:
      'A draft: not published yet. Only preview requests (X-Preview-Token) see drafts; every other answer leaves them out.',
  })
  draft: boolean;

  @Field(() => [TagObject], { description: 'Subject tags.' })
  tags: TagObject[];

  @Field(() => [SourceObject], { description: 'Sources, in the order the editor listed them.' })
  sources: SourceObject[];

  constructor(
    readonly item: ContentItem,
    locale: Locale,
    protected readonly model: ContentSnapshot,
  ) {
    super();
    const served = translationIn(item, locale);
    this.requestedLocale = locale;
    this.id = item.id;
    this.type = item.type;
    this.slug = item.slug;
    this.locale = served.locale;
    this.availableLocales = item.en ? [Locale.NL, Locale.EN] : [Locale.NL];
    this.title = served.title || item.nl.title;
    this.summary = served.summary || item.nl.summary;
    this.updatedAt = item.updatedAt;
    this.asOf = item.asOf;
    this.draft = item.draft;
    this.tags = item.tags.map((t) => ({ slug: t.slug, name: tagName(t, locale) }));
    this.sources = item.sources.map((s) => ({ ...s }));
  }

  /** A translated type-specific field, falling back to Dutch when the translation lacks it. */
  protected translated<T>(field: string, fallback: T): T {
    const own = this.locale === Locale.EN ? this.item.en?.fields[field] : undefined;
    return (own ?? this.item.nl.fields[field] ?? fallback) as T;
  }

  /** A language-neutral type-specific field. */
  protected neutral<T>(field: string): T {
    return this.item.fields[field] as T;
  }

  /** The served views of `items`, in the locale the client asked for. */
  viewsOf<T extends ContentObject>(items: readonly ContentItem[]): T[] {
    return items.map((i) => this.model.view(i, this.requestedLocale) as T);
  }

  /** Items of `type` this one has a typed relation with, in declared order. */
  typed<T extends ContentObject>(type: string): T[] {
    return this.viewsOf<T>(this.item.typed.filter((i) => i.type === type));
  }

  @Field(() => String, {
    description:
      'The body text. Links to other items lead to their `path`; HTML headings carry the ids of `headings`.',
  })
  body(
    @Arg('format', () => TextFormat, {
      nullable: true,
      defaultValue: TextFormat.HTML,
      description: 'Output format.',
    })
    format: TextFormat | null,
    @Arg('headingOffset', () => Int, {
      nullable: true,
      defaultValue: 0,
      description:
        'HTML only: levels every heading moves down, 0 to 4 (bodies start at h2; 1 makes that h3). Levels stop at h6.',
    })
    headingOffset: number | null,
  ): string {
    const offset = headingOffset ?? 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > 4)
      throw new BadUserInputError('headingOffset', 'must be an integer from 0 to 4');
    return this.model.body(this.item, this.requestedLocale, format ?? TextFormat.HTML, offset);
  }

  @Field(() => [HeadingObject], {
    description: 'Headings of the body in order, for a table of contents.',
  })
  headings(): readonly HeadingObject[] {
    return this.model.headings(this.item, this.requestedLocale);
  }

  @Field(() => Int, { description: 'Minutes to read the body, at 200 words a minute; at least 1.' })
  readingTimeMinutes(): number {
    return this.model.readingMinutes(this.item, this.requestedLocale);
  }

  @Field({
    description:
      'Path of the item in the portal, from LINK_TEMPLATE (default `/<type-folder>/<slug>`); links in bodies use it.',
  })
  path(): string {
    return this.model.path(this.item, this.requestedLocale);
  }

  @Field(() => String, {
    nullable: true,
    description:
      'Absolute URL of the item: PUBLIC_URL followed by `path`; null without PUBLIC_URL.',
  })
  url(): string | null {
    return this.model.url(this.item, this.requestedLocale);
  }
}
