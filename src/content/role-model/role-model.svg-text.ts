import { Locale } from '../common/enums';
import { textIn, type RoleModelData } from './role-model.data';

/** Fixed words of the role-model picture per locale. */
export const SVG_TEXT: Readonly<
  Record<
    Locale,
    {
      title: string;
      subtitle: string;
      phasesHeading: string;
      actorsHeading: string;
      edgesHeading: string;
      carriedOutBy: string;
      phase: string;
      groupsIntro: string;
      edgesIntro: string;
    }
  >
> = {
  [Locale.NL]: {
    title: 'Rolmodel lokale aanpak radicalisering: wie doet wat',
    subtitle:
      'Van preventie tot nazorg: welke taken er per fase zijn, wie ze uitvoert en hoe de partners met elkaar samenwerken.',
    phasesHeading: 'Fasen en taken',
    actorsHeading: 'Partners',
    edgesHeading: 'Samenwerking tussen partners',
    carriedOutBy: 'Door',
    phase: 'Fase',
    groupsIntro: 'Partners per groep',
    edgesIntro: 'Samenwerking',
  },
  [Locale.EN]: {
    title: 'Role model of the local approach to radicalisation: who does what',
    subtitle:
      'From prevention to aftercare: the tasks in each phase, who carries them out, and how the partners work together.',
    phasesHeading: 'Phases and tasks',
    actorsHeading: 'Partners',
    edgesHeading: 'How the partners work together',
    carriedOutBy: 'By',
    phase: 'Phase',
    groupsIntro: 'Partners by group',
    edgesIntro: 'Working together',
  },
};

/**
 * The whole picture as text, for the SVG's <desc>: screen readers read this instead of the
 * drawing, so it names every phase, task, actor and relation.
 */
export function describeRoleModel(model: RoleModelData, locale: Locale): string {
  const t = SVG_TEXT[locale];
  const label = new Map(model.actors.map((a) => [a.id, textIn(a.label, locale)]));
  const phases = model.phases.map((p, i) => {
    const tasks = model.tasks
      .filter((k) => k.phase === p.id)
      .map((k) => `${textIn(k.label, locale)} (${k.actors.map((a) => label.get(a)).join(', ')})`);
    return `${t.phase} ${i + 1}, ${textIn(p.label, locale)}: ${tasks.join('; ')}.`;
  });
  const groups = model.groups.map((g) => {
    const members = model.actors
      .filter((a) => a.group === g.id)
      .map((a) => textIn(a.label, locale));
    return `${textIn(g.label, locale)}: ${members.join(', ')}`;
  });
  const edges = model.edges.map(
    (e) => `${label.get(e.from)} ${textIn(e.label, locale)} ${label.get(e.to)}`,
  );
  return [
    t.subtitle,
    ...phases,
    `${t.groupsIntro}. ${groups.join('. ')}.`,
    edges.length ? `${t.edgesIntro}: ${edges.join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
