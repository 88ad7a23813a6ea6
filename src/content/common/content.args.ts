import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ContentOrderField, Locale, SortDirection } from './enums';

@InputType({ description: 'Order of a content list. Ties are broken by a stable internal key.' })
export class ContentOrder {
  @Field(() => ContentOrderField, {
    defaultValue: ContentOrderField.TITLE,
    description: 'Field to order by.',
  })
  field!: ContentOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction!: SortDirection;
}

@ArgsType()
export class ContentListArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0 to 100 (default 20).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
  })
  after?: string | null;

  @Field(() => Locale, {
    nullable: true,
    defaultValue: Locale.NL,
    description: 'Locale to serve; Dutch fills the gaps.',
  })
  locale?: Locale | null;

  @Field(() => ContentOrder, { nullable: true, description: 'Order (default: title ascending).' })
  orderBy?: ContentOrder | null;
}

@ArgsType()
export class SlugArgs {
  @Field({ description: 'Slug of the item.' })
  slug!: string;

  @Field(() => Locale, {
    nullable: true,
    defaultValue: Locale.NL,
    description: 'Locale to serve; Dutch fills the gaps.',
  })
  locale?: Locale | null;
}
