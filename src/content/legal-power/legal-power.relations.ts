import { FieldResolver, Resolver, Root } from 'type-graphql';
import { PREVENTION_APPROACH } from '../prevention-approach/prevention-approach.enums';
import { PreventionApproachObject } from '../prevention-approach/prevention-approach.type';
import { TARGET_GROUP } from '../target-group/target-group.enums';
import { TargetGroupProfileObject } from '../target-group/target-group.type';
import { LegalPowerObject } from './legal-power.type';

/** Relation fields of legal powers (here, so that object types never import each other). */
@Resolver(() => LegalPowerObject)
export class LegalPowerRelations {
  @FieldResolver(() => [TargetGroupProfileObject], {
    description: 'Target groups this power is relevant to.',
  })
  targetGroups(@Root() power: LegalPowerObject): TargetGroupProfileObject[] {
    return power.typed(TARGET_GROUP);
  }

  @FieldResolver(() => [PreventionApproachObject], {
    description: 'Approaches in which this power plays a part.',
  })
  approaches(@Root() power: LegalPowerObject): PreventionApproachObject[] {
    return power.typed(PREVENTION_APPROACH);
  }
}
