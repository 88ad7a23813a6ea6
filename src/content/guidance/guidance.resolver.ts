import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { ContentListArgs, SlugArgs } from '../common/content.args';
import { findBySlug, listOf, tagFilter } from '../common/content.queries';
import { ContentType } from '../common/enums';
import { GuidanceFilter } from './guidance.filter';
import { GuidanceObject } from './guidance.type';

const GuidanceConnection = Connection(GuidanceObject, 'Guidance');

@Resolver()
export class GuidanceResolver {
  @Query(() => GuidanceObject, {
    nullable: true,
    description: 'One guidance item by slug; null when absent.',
  })
  guidance(@Args() args: SlugArgs, @Ctx() ctx: Context): Promise<GuidanceObject | null> {
    return findBySlug(ctx, ContentType.GUIDANCE, args);
  }

  @Query(() => GuidanceConnection, {
    description: 'Guidance items, filtered and ordered, one page at a time.',
  })
  guidances(
    @Args() args: ContentListArgs,
    @Arg('filter', () => GuidanceFilter, { nullable: true, description: 'Filter.' })
    filter: GuidanceFilter | null,
    @Ctx() ctx: Context,
  ) {
    return listOf(ctx, ContentType.GUIDANCE, args, {
      ...tagFilter(filter?.tags),
      columnIn: filter?.kind?.length ? { kind: filter.kind } : undefined,
      parentSlug: filter?.parent ?? undefined,
      topLevel: filter?.topLevel ?? undefined,
    });
  }
}
