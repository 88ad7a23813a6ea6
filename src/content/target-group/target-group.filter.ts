import { Field, InputType } from 'type-graphql';

@InputType({
  description: 'Narrows the target-group profiles list; all given conditions must hold.',
})
export class TargetGroupProfileFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Only items carrying every one of these tag slugs.',
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
