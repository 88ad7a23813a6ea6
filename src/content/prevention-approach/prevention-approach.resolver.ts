import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Connection } from '../common/connection';
import { ContentListArgs, SlugArgs } from '../common/content.args';
import { findBySlug, listOf } from '../common/content.queries';
import type { ContentContext } from '../common/context';
import { PREVENTION_APPROACH } from './prevention-approach.enums';
import { PreventionApproachFilter, preventionApproachFilter } from './prevention-approach.filter';
import { PreventionApproachObject } from './prevention-approach.type';

const PreventionApproachConnection = Connection(PreventionApproachObject, 'PreventionApproach');

@Resolver()
export class PreventionApproachResolver {
  @Query(() => PreventionApproachObject, {
    nullable: true,
    description: 'One prevention approach by slug; null when absent.',
  })
  preventionApproach(
    @Args() args: SlugArgs,
    @Ctx() ctx: ContentContext,
  ): PreventionApproachObject | null {
    return findBySlug(ctx, PREVENTION_APPROACH, args);
  }

  @Query(() => PreventionApproachConnection, {
    description: 'Prevention approaches, filtered and ordered, one page at a time.',
  })
  preventionApproaches(
    @Args() args: ContentListArgs,
    @Arg('filter', () => PreventionApproachFilter, { nullable: true, description: 'Filter.' })
    filter: PreventionApproachFilter | null,
    @Ctx() ctx: ContentContext,
  ) {
    return listOf(ctx, PREVENTION_APPROACH, args, filter, preventionApproachFilter);
  }
}
