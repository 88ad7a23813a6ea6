import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Connection } from '../common/connection';
import { ContentListArgs, SlugArgs } from '../common/content.args';
import { findBySlug, listOf } from '../common/content.queries';
import type { ContentContext } from '../common/context';
import { GUIDANCE } from './guidance.enums';
import { GuidanceFilter, guidanceFilter } from './guidance.filter';
import { GuidanceObject } from './guidance.type';

const GuidanceConnection = Connection(GuidanceObject, 'Guidance');

@Resolver()
export class GuidanceResolver {
  @Query(() => GuidanceObject, {
    nullable: true,
    description: 'One guidance item by slug; null when absent.',
  })
  guidance(@Args() args: SlugArgs, @Ctx() ctx: ContentContext): GuidanceObject | null {
    return findBySlug(ctx, GUIDANCE, args);
  }

  @Query(() => GuidanceConnection, {
    description: 'Guidance items, filtered and ordered, one page at a time.',
  })
  guidances(
    @Args() args: ContentListArgs,
    @Arg('filter', () => GuidanceFilter, { nullable: true, description: 'Filter.' })
    filter: GuidanceFilter | null,
    @Ctx() ctx: ContentContext,
  ) {
    return listOf(ctx, GUIDANCE, args, filter, guidanceFilter);
  }
}
