import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ContentObject } from '../content/common/content.type';

export enum SuggestionKind {
  WORD = 'WORD',
  TITLE = 'TITLE',
}

registerEnumType(SuggestionKind, {
  name: 'SuggestionKind',
  description: 'What a suggestion completes the typed text with.',
  valuesConfig: {
    WORD: { description: 'The typed text with its last word completed, to search for.' },
    TITLE: { description: 'The title of an item that matches the typed text, to open.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A completion for search-as-you-type.' })
export class Suggestion {
  @Field({ description: 'Text to show: the completed query, or the item title.' })
  text!: string;

  @Field(() => SuggestionKind, { description: 'Whether this completes a word or names an item.' })
  kind!: SuggestionKind;

  @Field(() => ContentObject, {
    nullable: true,
    description: 'The item, in the requested locale, for a TITLE suggestion; null for a WORD.',
  })
  content!: ContentObject | null;
}
