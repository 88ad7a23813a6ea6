import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ContentObject } from '../content/common/content.type';
import { PageInfo } from '../content/common/connection';

@ObjectType({ simpleResolvers: true, description: 'A matched passage of one field.' })
export class Highlight {
  @Field({ description: 'Field the passage comes from: title, summary or body.' })
  field!: string;

  @Field({ description: 'HTML-escaped text with the matched words wrapped in <mark>.' })
  snippet!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One search result.' })
export class SearchHit {
  @Field(() => Float, {
    description: 'Relevance; higher is better. Only comparable within one search.',
  })
  score!: number;

  @Field(() => ContentObject, { description: 'The matching item, in the requested locale.' })
  content!: ContentObject;

  @Field(() => [Highlight], { description: 'Passages with the matched words marked.' })
  highlights!: Highlight[];
}

@ObjectType({ simpleResolvers: true, description: 'An edge in a search result list.' })
export class SearchEdge {
  @Field({ description: 'Opaque cursor of this result.' })
  cursor!: string;

  @Field(() => SearchHit, { description: 'The result.' })
  node!: SearchHit;
}

@ObjectType({ simpleResolvers: true, description: 'A count of results per value.' })
export class FacetValue {
  @Field({ description: 'The value: a ContentType name or a tag slug.' })
  value!: string;

  @Field({
    description: 'Display name in the requested locale: the type label or the tag name.',
  })
  label!: string;

  @Field(() => Int, { description: 'Number of results with this value.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Result counts per value of one field.' })
export class Facet {
  @Field({ description: '"type" (counted without the types filter) or "tags".' })
  field!: string;

  @Field(() => [FacetValue], { description: 'Values, most frequent first.' })
  values!: FacetValue[];
}

@ObjectType({ simpleResolvers: true, description: 'A page of search results, best first.' })
export class SearchConnection {
  @Field(() => Int, { description: 'Number of results over all pages.' })
  totalCount!: number;

  @Field(() => [SearchEdge], { description: 'The results of this page.' })
  edges!: SearchEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits.' })
  pageInfo!: PageInfo;

  @Field(() => [Facet], { description: 'Counts per type and per tag for the query.' })
  facets!: Facet[];
}
