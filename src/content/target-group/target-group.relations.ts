import { FieldResolver, Resolver, Root } from 'type-graphql';
import { LEGAL_POWER } from '../legal-power/legal-power.enums';
import { LegalPowerObject } from '../legal-power/legal-power.type';
import { PREVENTION_APPROACH } from '../prevention-approach/prevention-approach.enums';
import { PreventionApproachObject } from '../prevention-approach/prevention-approach.type';
import { TargetGroupProfileObject } from './target-group.type';

/** Relation fields of target-group profiles. */
@Resolver(() => TargetGroupProfileObject)
export class TargetGroupProfileRelations {
  @FieldResolver(() => [PreventionApproachObject], {
    description: 'Approaches that fit this group.',
  })
  approaches(@Root() group: TargetGroupProfileObject): PreventionApproachObject[] {
    return group.typed(PREVENTION_APPROACH);
  }

  @FieldResolver(() => [LegalPowerObject], { description: 'Legal powers relevant to this group.' })
  legalPowers(@Root() group: TargetGroupProfileObject): LegalPowerObject[] {
    return group.typed(LEGAL_POWER);
  }
}
