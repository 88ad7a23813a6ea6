import { FieldResolver, Resolver, Root } from 'type-graphql';
import { LEGAL_POWER } from '../legal-power/legal-power.enums';
import { LegalPowerObject } from '../legal-power/legal-power.type';
import { TARGET_GROUP } from '../target-group/target-group.enums';
import { TargetGroupProfileObject } from '../target-group/target-group.type';
import { PreventionApproachObject } from './prevention-approach.type';

/** Relation fields of prevention approaches. */
@Resolver(() => PreventionApproachObject)
export class PreventionApproachRelations {
  @FieldResolver(() => [TargetGroupProfileObject], {
    description: 'Target groups the approach is meant for.',
  })
  targetGroups(@Root() approach: PreventionApproachObject): TargetGroupProfileObject[] {
    return approach.typed(TARGET_GROUP);
  }

  @FieldResolver(() => [LegalPowerObject], {
    description: 'Legal powers the approach can draw on.',
  })
  legalPowers(@Root() approach: PreventionApproachObject): LegalPowerObject[] {
    return approach.typed(LEGAL_POWER);
  }
}
