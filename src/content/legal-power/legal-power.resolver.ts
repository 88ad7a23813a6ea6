import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Connection } from '../common/connection';
import { ContentListArgs, SlugArgs } from '../common/content.args';
import { findBySlug, listOf } from '../common/content.queries';
import type { ContentContext } from '../common/context';
import { LEGAL_POWER } from './legal-power.enums';
import { LegalPowerFilter, legalPowerFilter } from './legal-power.filter';
import { LegalPowerObject } from './legal-power.type';

const LegalPowerConnection = Connection(LegalPowerObject, 'LegalPower');

@Resolver()
export class LegalPowerResolver {
  @Query(() => LegalPowerObject, {
    nullable: true,
    description: 'One legal power by slug; null when absent.',
  })
  legalPower(@Args() args: SlugArgs, @Ctx() ctx: ContentContext): LegalPowerObject | null {
    return findBySlug(ctx, LEGAL_POWER, args);
  }

  @Query(() => LegalPowerConnection, {
    description: 'Legal powers, filtered and ordered, one page at a time.',
  })
  legalPowers(
    @Args() args: ContentListArgs,
    @Arg('filter', () => LegalPowerFilter, { nullable: true, description: 'Filter.' })
    filter: LegalPowerFilter | null,
    @Ctx() ctx: ContentContext,
  ) {
    return listOf(ctx, LEGAL_POWER, args, filter, legalPowerFilter);
  }
}
