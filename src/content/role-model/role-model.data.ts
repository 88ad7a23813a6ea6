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
  readonly groups: readonly RoleGroupData[];
  readonly actors: readonly RoleActorData[];
  /** Ordered by position. */
  readonly phases: readonly RolePhaseData[];
  readonly tasks: readonly RoleTaskData[];
  readonly edges: readonly RoleEdgeData[];
}

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
