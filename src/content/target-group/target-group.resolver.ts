import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { ContentListArgs, SlugArgs } from '../common/content.args';
import { findBySlug, listOf, tagFilter } from '../common/content.queries';
import { ContentType } from '../common/enums';
import { TargetGroupProfileFilter } from './target-group.filter';
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
    @Ctx() ctx: Context,
  ): Promise<TargetGroupProfileObject | null> {
    return findBySlug(ctx, ContentType.TARGET_GROUP, args);
  }

  @Query(() => TargetGroupProfileConnection, {
    description: 'Target-group profiles, filtered and ordered, one page at a time.',
  })
  targetGroupProfiles(
    @Args() args: ContentListArgs,
    @Arg('filter', () => TargetGroupProfileFilter, { nullable: true, description: 'Filter.' })
    filter: TargetGroupProfileFilter | null,
    @Ctx() ctx: Context,
  ) {
    return listOf(ctx, ContentType.TARGET_GROUP, args, {
      ...tagFilter(filter?.tags),
      linkedTo: [
        ...(filter?.approach
          ? [{ type: ContentType.PREVENTION_APPROACH, slug: filter.approach }]
          : []),
        ...(filter?.legalPower ? [{ type: ContentType.LEGAL_POWER, slug: filter.legalPower }] : []),
      ],
    });
  }
}
