import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Locale } from '../common/enums';
import { EMPTY_ROLE_MODEL } from './role-model.data';
import { RoleModel } from './role-model.entity';
import { RoleModelObject } from './role-model.type';
import { roleModelView } from './role-model.view';

@Resolver()
export class RoleModelResolver {
  @Query(() => RoleModelObject, {
    description:
      'The role model of the local approach: who does what from prevention to aftercare. Also drawn as an SVG at /visuals/role-model.svg.',
  })
  async roleModel(
    @Arg('locale', () => Locale, {
      nullable: true,
      defaultValue: Locale.NL,
      description: 'Locale of the labels; untranslated labels are served in Dutch.',
    })
    locale: Locale | null,
    @Ctx() { em, reader }: Context,
  ): Promise<RoleModelObject> {
    const row = await em.findOne(RoleModel, { id: 1 });
    return roleModelView(row?.data ?? EMPTY_ROLE_MODEL, locale ?? Locale.NL, reader);
  }
}
