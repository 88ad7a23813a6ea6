import { Field, ObjectType } from 'type-graphql';
import { ContentObject, NodeInterface } from '../common/content.type';
import { ContentType } from '../common/enums';
import { LegalPowerObject } from '../legal-power/legal-power.type';
import { PreventionApproachObject } from '../prevention-approach/prevention-approach.type';

@ObjectType('TargetGroupProfile', {
  implements: [NodeInterface, ContentObject],
  description: 'A target-group profile. Signals are indications to discuss, never a checklist.',
})
export class TargetGroupProfileObject extends ContentObject {
  @Field(() => [String], {
    description: 'Possible signals. One signal proves nothing; never use them as a checklist.',
  })
  signals(): string[] {
    return this.translated('signals', []);
  }

  @Field(() => [String], { description: 'Factors that make radicalisation more likely.' })
  riskFactors(): string[] {
    return this.translated('riskFactors', []);
  }

  @Field(() => [String], { description: 'Factors that protect against radicalisation.' })
  protectiveFactors(): string[] {
    return this.translated('protectiveFactors', []);
  }

  @Field(() => [PreventionApproachObject], { description: 'Approaches that fit this group.' })
  approaches(): Promise<PreventionApproachObject[]> {
    return this.reader.typedOf(
      this.dbId,
      this.requestedLocale,
      ContentType.PREVENTION_APPROACH,
    ) as Promise<PreventionApproachObject[]>;
  }

  @Field(() => [LegalPowerObject], { description: 'Legal powers relevant to this group.' })
  legalPowers(): Promise<LegalPowerObject[]> {
    return this.reader.typedOf(this.dbId, this.requestedLocale, ContentType.LEGAL_POWER) as Promise<
      LegalPowerObject[]
    >;
  }
}
