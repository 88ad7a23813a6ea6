import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Connection } from '../common/connection';
import { ContentListArgs, SlugArgs } from '../common/content.args';
import { findBySlug, listOf } from '../common/content.queries';
import type { ContentContext } from '../common/context';
import { TARGET_GROUP } from './target-group.enums';
import { TargetGroupProfileFilter, targetGroupFilter } from './target-group.filter';
import { TargetGroupProfileObject } from './target-group.type';

const TargetGroupProfileConnection = Connection(TargetGroupProfileObject, 'TargetGroupProfile');

@Resolver()
export class TargetGroupProfileResolver {
  @Query(() => TargetGroupProfileObject, {
    nullable: true,
    description: 'One target-group profile by slug; null when absent.',
  })
  targetGroupProfile(
    @Args() args: SlugArgs,
    @Ctx() ctx: ContentContext,
  ): TargetGroupProfileObject | null {
    return findBySlug(ctx, TARGET_GROUP, args);
  }

  @Query(() => TargetGroupProfileConnection, {
    description: 'Target-group profiles, filtered and ordered, one page at a time.',
  })
  targetGroupProfiles(
    @Args() args: ContentListArgs,
    @Arg('filter', () => TargetGroupProfileFilter, { nullable: true, description: 'Filter.' })
    filter: TargetGroupProfileFilter | null,
    @Ctx() ctx: ContentContext,
  ) {
    return listOf(ctx, TARGET_GROUP, args, filter, targetGroupFilter);
  }
}
