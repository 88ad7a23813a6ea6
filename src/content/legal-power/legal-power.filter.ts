import { Field, InputType } from 'type-graphql';
import { LegalAuthority } from '../common/enums';

@InputType({ description: 'Narrows the legal powers list; all given conditions must hold.' })
export class LegalPowerFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Only items carrying every one of these tag slugs.',
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
