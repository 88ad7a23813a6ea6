import { Field, InputType } from 'type-graphql';
import { LEGAL_POWER } from '../legal-power/legal-power.enums';
import { PREVENTION_APPROACH } from '../prevention-approach/prevention-approach.enums';
import { allOf, linkedTo, withTags } from '../read-model/filters';
import type { ItemFilter } from '../read-model/list';

@InputType({
  description: 'Narrows the target-group profiles list; all given conditions must hold.',
})
export class TargetGroupProfileFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Only items carrying every one of these tag slugs (at most 20).',
  })
  tags?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only groups linked to this prevention approach (slug).',
  })
  approach?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only groups linked to this legal power (slug).',
  })
  legalPower?: string | null;
}

export const targetGroupFilter = (filter: TargetGroupProfileFilter | null): ItemFilter =>
  allOf(
    withTags(filter?.tags),
    linkedTo(PREVENTION_APPROACH, filter?.approach),
    linkedTo(LEGAL_POWER, filter?.legalPower),
  );
