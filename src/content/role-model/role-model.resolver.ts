import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { ContentContext } from '../common/context';
import { Locale } from '../common/enums';
import { EMPTY_ROLE_MODEL } from './role-model.data';
import { RoleModelObject } from './role-model.type';
import { roleModelView } from './role-model.view';

@Resolver()
export class RoleModelResolver {
  @Query(() => RoleModelObject, {
    description:
      'The role model of the local approach: who does what from prevention to aftercare. Also drawn as an SVG at /visuals/role-model.svg.',
  })
  roleModel(
    @Arg('locale', () => Locale, {
      nullable: true,
      defaultValue: Locale.NL,
      description: 'Locale of the labels; untranslated labels are served in Dutch.',
    })
    locale: Locale | null,
    @Ctx() { content }: ContentContext,
  ): RoleModelObject {
    const lang = locale ?? Locale.NL;
    return content.memo(`role-model\u0000${lang}`, () =>
      roleModelView(content.roleModel?.data ?? EMPTY_ROLE_MODEL, lang, content),
    );
  }
}
