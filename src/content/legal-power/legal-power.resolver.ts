import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { ContentListArgs, SlugArgs } from '../common/content.args';
import { findBySlug, listOf, tagFilter } from '../common/content.queries';
import { ContentType } from '../common/enums';
import { LegalPowerFilter } from './legal-power.filter';
import { LegalPowerObject } from './legal-power.type';

const LegalPowerConnection = Connection(LegalPowerObject, 'LegalPower');

@Resolver()
export class LegalPowerResolver {
  @Query(() => LegalPowerObject, {
    nullable: true,
    description: 'One legal power by slug; null when absent.',
  })
  legalPower(@Args() args: SlugArgs, @Ctx() ctx: Context): Promise<LegalPowerObject | null> {
    return findBySlug(ctx, ContentType.LEGAL_POWER, args);
  }

  @Query(() => LegalPowerConnection, {
    description: 'Legal powers, filtered and ordered, one page at a time.',
  })
  legalPowers(
    @Args() args: ContentListArgs,
    @Arg('filter', () => LegalPowerFilter, { nullable: true, description: 'Filter.' })
    filter: LegalPowerFilter | null,
    @Ctx() ctx: Context,
  ) {
    return listOf(ctx, ContentType.LEGAL_POWER, args, {
      ...tagFilter(filter?.tags),
      columnIn: filter?.authority?.length ? { authority: filter.authority } : undefined,
      columnEquals: filter?.law ? { law: filter.law } : undefined,
      linkedTo: [
        ...(filter?.targetGroup
          ? [{ type: ContentType.TARGET_GROUP, slug: filter.targetGroup }]
          : []),
        ...(filter?.approach
          ? [{ type: ContentType.PREVENTION_APPROACH, slug: filter.approach }]
          : []),
      ],
    });
  }
}
