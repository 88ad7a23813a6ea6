import { Field, ObjectType } from 'type-graphql';
import { ContentObject, NodeInterface } from '../common/content.type';
import type { ContentReader } from '../common/content.reader';
import type { ContentTranslation } from '../common/content-translation.entity';
import { ContentType, PreventionLevel, type Locale } from '../common/enums';
import { LegalPowerObject } from '../legal-power/legal-power.type';
import { TargetGroupProfileObject } from '../target-group/target-group.type';
import type { PreventionApproach } from './prevention-approach.entity';

@ObjectType('PreventionApproach', {
  implements: [NodeInterface, ContentObject],
  description: 'A prevention approach, from general prevention to aftercare and reintegration.',
})
export class PreventionApproachObject extends ContentObject {
  @Field(() => PreventionLevel, { description: 'Where the approach sits in the prevention chain.' })
  level: PreventionLevel;

  constructor(
    reader: ContentReader,
    entity: PreventionApproach,
    translations: ContentTranslation[],
    locale: Locale,
  ) {
    super(reader, entity, translations, locale);
    this.level = entity.level;
  }

  @Field(() => [String], { description: 'Who takes part.' })
  actors(): string[] {
    return this.translated('actors', []);
  }

  @Field(() => [String], { description: 'The steps of the approach, in order.' })
  steps(): string[] {
    return this.translated('steps', []);
  }

  @Field(() => [TargetGroupProfileObject], {
    description: 'Target groups the approach is meant for.',
  })
  targetGroups(): Promise<TargetGroupProfileObject[]> {
    return this.reader.typedOf(
      this.dbId,
      this.requestedLocale,
      ContentType.TARGET_GROUP,
    ) as Promise<TargetGroupProfileObject[]>;
  }

  @Field(() => [LegalPowerObject], { description: 'Legal powers the approach can draw on.' })
  legalPowers(): Promise<LegalPowerObject[]> {
    return this.reader.typedOf(this.dbId, this.requestedLocale, ContentType.LEGAL_POWER) as Promise<
      LegalPowerObject[]
    >;
  }
}
