import { Field, InputType } from 'type-graphql';
import { PreventionLevel } from '../common/enums';

@InputType({
  description: 'Narrows the prevention approaches list; all given conditions must hold.',
})
export class PreventionApproachFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Only items carrying every one of these tag slugs.',
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
