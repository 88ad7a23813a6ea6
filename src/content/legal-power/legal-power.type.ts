import { Field, ObjectType } from 'type-graphql';
import { ContentObject, NodeInterface } from '../common/content.type';
import type { ContentReader } from '../common/content.reader';
import type { ContentTranslation } from '../common/content-translation.entity';
import { ContentType, LegalAuthority, type Locale } from '../common/enums';
import type { LegalPower } from './legal-power.entity';
import { LegalReference } from './legal-reference';
import { PreventionApproachObject } from '../prevention-approach/prevention-approach.type';
import { TargetGroupProfileObject } from '../target-group/target-group.type';

@ObjectType('LegalPower', {
  implements: [NodeInterface, ContentObject],
  description:
    'A legal power: who may do what, on which article, under which conditions, with which remedy.',
})
export class LegalPowerObject extends ContentObject {
  @Field(() => LegalAuthority, { description: 'Who holds the power.' })
  authority: LegalAuthority;

  @Field({ description: 'Name of the law, e.g. "Gemeentewet".' })
  law: string;

  @Field({ description: 'Article, e.g. "172a" or "7:1".' })
  article: string;

  @Field(() => LegalReference, {
    description: 'Machine-readable reference to the article on wetten.overheid.nl.',
  })
  legalReference: LegalReference;

  constructor(
    reader: ContentReader,
    entity: LegalPower,
    translations: ContentTranslation[],
    locale: Locale,
  ) {
    super(reader, entity, translations, locale);
    this.authority = entity.authority;
    this.law = entity.law;
    this.article = entity.article;
    this.legalReference = LegalReference.of(entity.bwbId, entity.article);
  }

  @Field(() => [String], { description: 'Conditions that must be met to use the power.' })
  conditions(): string[] {
    return this.translated('conditions', []);
  }

  @Field(() => String, {
    nullable: true,
    description: 'How long a measure lasts, where the law says so.',
  })
  duration(): string | null {
    return this.translated('duration', null);
  }

  @Field({ description: 'How the person concerned can challenge the decision.' })
  legalRemedy(): string {
    return this.translated('legalRemedy', '');
  }

  @Field({
    description: 'How the power is used in radicalisation cases (examples from practice, not law).',
  })
  useInRadicalisationCases(): string {
    return this.translated('useInRadicalisationCases', '');
  }

  @Field(() => [TargetGroupProfileObject], {
    description: 'Target groups this power is relevant to.',
  })
  targetGroups(): Promise<TargetGroupProfileObject[]> {
    return this.reader.typedOf(
      this.dbId,
      this.requestedLocale,
      ContentType.TARGET_GROUP,
    ) as Promise<TargetGroupProfileObject[]>;
  }

  @Field(() => [PreventionApproachObject], {
    description: 'Approaches in which this power plays a part.',
  })
  approaches(): Promise<PreventionApproachObject[]> {
    return this.reader.typedOf(
      this.dbId,
      this.requestedLocale,
      ContentType.PREVENTION_APPROACH,
    ) as Promise<PreventionApproachObject[]>;
  }
}
