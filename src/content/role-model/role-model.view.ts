import type { ContentSnapshot } from '../read-model/snapshot';
import type { ContentObject } from '../common/content.type';
import type { Locale } from '../common/enums';
import {
  DEFAULT_ROLE_MODEL_TEXT,
  textIn,
  type LocalizedText,
  type RoleModelData,
} from './role-model.data';
import {
  type ContentLinks,
  RoleActorObject,
  RoleEdgeObject,
  RoleGroupObject,
  RoleModelObject,
  type RoleNode,
  RolePhaseObject,
  RoleTaskObject,
} from './role-model.type';

/** Content items named as `<type-folder>/<slug>`, in order, from the snapshot. */
const contentOf =
  (model: ContentSnapshot, refs: readonly string[], locale: Locale): ContentLinks =>
  () =>
    refs.flatMap((ref): ContentObject[] => {
      const item = model.itemByRef(ref);
      return item ? [model.view(item, locale)] : [];
    });

/** The stored role model as GraphQL objects in `locale`; content resolves from `model`. */
export function roleModelView(
  data: RoleModelData,
  locale: Locale,
  model: ContentSnapshot,
): RoleModelObject {
  const node = <T extends RoleNode>(target: T, id: string, label: LocalizedText): T =>
    Object.assign(target, { id, label: textIn(label, locale) });
  const links = (refs: readonly string[]) => contentOf(model, refs, locale);

  const groups = new Map(
    data.groups.map((g) => [g.id, node(new RoleGroupObject(), g.id, g.label)]),
  );
  const phases = new Map(
    data.phases.map((p) => {
      const phase = node(new RolePhaseObject(), p.id, p.label);
      return [p.id, Object.assign(phase, { position: p.position })];
    }),
  );
  const actors = new Map(
    data.actors.map((a) => {
      const actor = node(new RoleActorObject(links(a.content)), a.id, a.label);
      const description = textIn(a.description, locale);
      return [a.id, Object.assign(actor, { description, group: groups.get(a.group)! })];
    }),
  );
  return Object.assign(new RoleModelObject(), {
    locale,
    title: textIn(data.title ?? DEFAULT_ROLE_MODEL_TEXT.title, locale),
    description: textIn(data.description ?? DEFAULT_ROLE_MODEL_TEXT.description, locale),
    groups: [...groups.values()],
    actors: [...actors.values()],
    phases: [...phases.values()],
    tasks: data.tasks.map((t) =>
      Object.assign(node(new RoleTaskObject(links(t.content)), t.id, t.label), {
        phase: phases.get(t.phase)!,
        actors: t.actors.map((id) => actors.get(id)!),
      }),
    ),
    edges: data.edges.map((e) =>
      Object.assign(new RoleEdgeObject(), {
        from: actors.get(e.from)!,
        to: actors.get(e.to)!,
        label: textIn(e.label, locale),
      }),
    ),
  });
}
