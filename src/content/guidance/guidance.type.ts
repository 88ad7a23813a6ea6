import { Field, Int, ObjectType } from 'type-graphql';
import { ContentObject, NodeInterface } from '../common/content.type';
import type { ContentReader } from '../common/content.reader';
import type { ContentTranslation } from '../common/content-translation.entity';
import { GuidanceKind, type Locale } from '../common/enums';
import type { Guidance } from './guidance.entity';

@ObjectType('Guidance', {
  implements: [NodeInterface, ContentObject],
  description: 'Guidance on the theme, arranged as a navigable tree (parent, children, position).',
})
export class GuidanceObject extends ContentObject {
  private readonly parentId: number | null;

  @Field(() => GuidanceKind, { description: 'What this guidance is about.' })
  kind: GuidanceKind;

  @Field(() => Int, { description: 'Order among its siblings (ascending).' })
  position: number;

  constructor(
    reader: ContentReader,
    entity: Guidance,
    translations: ContentTranslation[],
    locale: Locale,
  ) {
    super(reader, entity, translations, locale);
    this.kind = entity.kind;
    this.position = entity.position;
    this.parentId = entity.parent?.id ?? null;
  }

  @Field(() => GuidanceObject, {
    nullable: true,
    description: 'Parent in the navigation tree; null at the top.',
  })
  async parent(): Promise<GuidanceObject | null> {
    if (this.parentId === null) return null;
    return (await this.reader.viewOf(this.parentId, this.requestedLocale)) as GuidanceObject | null;
  }

  @Field(() => [GuidanceObject], { description: 'Child items, ordered by position.' })
  children(): Promise<GuidanceObject[]> {
    return this.reader.childrenOf(this.dbId, this.requestedLocale);
  }
}
