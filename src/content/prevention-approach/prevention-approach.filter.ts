import { Field, InputType } from 'type-graphql';
import { LEGAL_POWER } from '../legal-power/legal-power.enums';
import { allOf, fieldIn, linkedTo, withTags } from '../read-model/filters';
import type { ItemFilter } from '../read-model/list';
import { TARGET_GROUP } from '../target-group/target-group.enums';
import { PreventionLevel } from './prevention-approach.enums';

@InputType({
  description: 'Narrows the prevention approaches list; all given conditions must hold.',
})
export class PreventionApproachFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Only items carrying every one of these tag slugs (at most 20).',
  })
  tags?: string[] | null;

  @Field(() => [PreventionLevel], {
    nullable: true,
    description: 'Only approaches at one of these levels.',
  })
  level?: PreventionLevel[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only approaches for this target group (slug).',
  })
  targetGroup?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only approaches that draw on this legal power (slug).',
  })
  legalPower?: string | null;
}

export const preventionApproachFilter = (filter: PreventionApproachFilter | null): ItemFilter =>
  allOf(
    withTags(filter?.tags),
    fieldIn('level', filter?.level),
    linkedTo(TARGET_GROUP, filter?.targetGroup),
    linkedTo(LEGAL_POWER, filter?.legalPower),
  );
