import { Field, InputType } from 'type-graphql';
import { allOf, fieldEquals, fieldIn, linkedTo, withTags } from '../read-model/filters';
import type { ItemFilter } from '../read-model/list';
import { PREVENTION_APPROACH } from '../prevention-approach/prevention-approach.enums';
import { TARGET_GROUP } from '../target-group/target-group.enums';
import { LegalAuthority } from './legal-power.enums';

@InputType({ description: 'Narrows the legal powers list; all given conditions must hold.' })
export class LegalPowerFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Only items carrying every one of these tag slugs (at most 20).',
  })
  tags?: string[] | null;

  @Field(() => [LegalAuthority], {
    nullable: true,
    description: 'Only powers held by one of these authorities.',
  })
  authority?: LegalAuthority[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only powers in this law (name, case-insensitive), e.g. "Gemeentewet".',
  })
  law?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only powers related to this target group (slug).',
  })
  targetGroup?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only powers used in this prevention approach (slug).',
  })
  approach?: string | null;
}

export const legalPowerFilter = (filter: LegalPowerFilter | null): ItemFilter =>
  allOf(
    withTags(filter?.tags),
    fieldIn('authority', filter?.authority),
    fieldEquals('law', filter?.law),
    linkedTo(TARGET_GROUP, filter?.targetGroup),
    linkedTo(PREVENTION_APPROACH, filter?.approach),
  );
