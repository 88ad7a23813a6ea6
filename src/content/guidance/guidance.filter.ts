import { Field, InputType } from 'type-graphql';
import { allOf, childOf, fieldIn, topLevel, withTags } from '../read-model/filters';
import type { ItemFilter } from '../read-model/list';
import { GuidanceKind } from './guidance.enums';

@InputType({ description: 'Narrows the guidance list; all given conditions must hold.' })
export class GuidanceFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Only items carrying every one of these tag slugs (at most 20).',
  })
  tags?: string[] | null;

  @Field(() => [GuidanceKind], { nullable: true, description: 'Only guidance of these kinds.' })
  kind?: GuidanceKind[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only the children of this guidance item (slug).',
  })
  parent?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only items at the top of the tree (no parent).',
  })
  topLevel?: boolean | null;
}

export const guidanceFilter = (filter: GuidanceFilter | null): ItemFilter =>
  allOf(
    withTags(filter?.tags),
    fieldIn('kind', filter?.kind),
    childOf(filter?.parent),
    topLevel(filter?.topLevel),
  );
