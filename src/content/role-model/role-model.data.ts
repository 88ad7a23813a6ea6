import { Locale } from '../common/enums';

/**
 * The role model as stored: who does what in the local approach, validated from
 * seed/role-model.yml. Labels are Dutch with an optional English translation.
 */
export interface LocalizedText {
  readonly nl: string;
  readonly en?: string;
}

export interface RoleGroupData {
  readonly id: string;
  readonly label: LocalizedText;
}

export interface RoleActorData {
  readonly id: string;
  readonly group: string;
  readonly label: LocalizedText;
  readonly description: LocalizedText;
  /** Content items as `<type-folder>/<slug>`. */
  readonly content: readonly string[];
}

export interface RolePhaseData {
  readonly id: string;
  readonly position: number;
  readonly label: LocalizedText;
}

export interface RoleTaskData {
  readonly id: string;
  readonly phase: string;
  readonly label: LocalizedText;
  readonly actors: readonly string[];
  readonly content: readonly string[];
}

export interface RoleEdgeData {
  readonly from: string;
  readonly to: string;
  readonly label: LocalizedText;
}

export interface RoleModelData {
  /** Name of the model; a default when the file gives none. */
  readonly title?: LocalizedText;
  /** What the model shows, in a sentence or two. */
  readonly description?: LocalizedText;
  readonly groups: readonly RoleGroupData[];
  readonly actors: readonly RoleActorData[];
  /** Ordered by position. */
  readonly phases: readonly RolePhaseData[];
  readonly tasks: readonly RoleTaskData[];
  readonly edges: readonly RoleEdgeData[];
}

/** Title and description of a role model whose file gives none. */
export const DEFAULT_ROLE_MODEL_TEXT = {
  title: { nl: 'Rolmodel lokale aanpak', en: 'Role model of the local approach' },
  description: {
    nl: 'Wie doet wat in de lokale aanpak van radicalisering, van preventie tot nazorg.',
    en: 'Who does what in the local approach to radicalisation, from prevention to aftercare.',
  },
} as const;

export const EMPTY_ROLE_MODEL: RoleModelData = {
  groups: [],
  actors: [],
  phases: [],
  tasks: [],
  edges: [],
};

/** The text in `locale`, falling back to Dutch. */
export function textIn(text: LocalizedText, locale: Locale): string {
  return (locale === Locale.EN ? text.en : undefined) ?? text.nl;
}
