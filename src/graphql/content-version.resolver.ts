import { Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import type { ContentContext } from '../content/common/context';

@Resolver()
export class ContentVersionResolver {
  @Query(() => Int, {
    description:
      'Version of the content, raised by every seed run that changes it. Responses and ETags ' +
      'carry it, so a client can tell whether what it holds is current.',
  })
  @Directive('@cacheControl(maxAge: 5)')
  contentVersion(@Ctx() { content }: ContentContext): number {
    return content.version;
  }
}
