import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { ContentListArgs, SlugArgs } from '../common/content.args';
import { findBySlug, listOf, tagFilter } from '../common/content.queries';
import { ContentType } from '../common/enums';
import { PreventionApproachFilter } from './prevention-approach.filter';
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
    @Ctx() ctx: Context,
  ): Promise<PreventionApproachObject | null> {
    return findBySlug(ctx, ContentType.PREVENTION_APPROACH, args);
  }

  @Query(() => PreventionApproachConnection, {
    description: 'Prevention approaches, filtered and ordered, one page at a time.',
  })
  preventionApproaches(
    @Args() args: ContentListArgs,
    @Arg('filter', () => PreventionApproachFilter, { nullable: true, description: 'Filter.' })
    filter: PreventionApproachFilter | null,
    @Ctx() ctx: Context,
  ) {
    return listOf(ctx, ContentType.PREVENTION_APPROACH, args, {
      ...tagFilter(filter?.tags),
      columnIn: filter?.level?.length ? { level: filter.level } : undefined,
      linkedTo: [
        ...(filter?.targetGroup
          ? [{ type: ContentType.TARGET_GROUP, slug: filter.targetGroup }]
          : []),
        ...(filter?.legalPower ? [{ type: ContentType.LEGAL_POWER, slug: filter.legalPower }] : []),
      ],
    });
  }
}
