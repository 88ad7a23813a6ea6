import { registerEnumType } from 'type-graphql';
import { defineLabels } from '../common/labels';

/** The `ContentType` name of guidance. */
export const GUIDANCE = 'GUIDANCE' as const;

export enum GuidanceKind {
  OVERVIEW = 'OVERVIEW',
  DEFINITION = 'DEFINITION',
  RATIONALE = 'RATIONALE',
  AGREEMENT = 'AGREEMENT',
  ROLE = 'ROLE',
  FOCUS_AREA = 'FOCUS_AREA',
  CONTEXT = 'CONTEXT',
  REFERENCE = 'REFERENCE',
}
registerEnumType(GuidanceKind, {
  name: 'GuidanceKind',
  description: 'What a guidance item is about.',
  valuesConfig: {
    OVERVIEW: { description: 'Entry point of the theme' },
    DEFINITION: { description: 'What radicalisation is and the principles of the approach' },
    RATIONALE: { description: 'Why the theme matters' },
    AGREEMENT: { description: 'Agreements between layers of government' },
    ROLE: { description: 'The role of the municipality' },
    FOCUS_AREA: { description: 'One focus area of the local approach' },
    CONTEXT: { description: 'National context such as the threat level' },
    REFERENCE: { description: 'Where to turn: organisations and resources' },
  },
});

export const GUIDANCE_KIND_LABELS = defineLabels<GuidanceKind>('GuidanceKind', {
  OVERVIEW: { nl: 'Overzicht', en: 'Overview' },
  DEFINITION: { nl: 'Begrippen en uitgangspunten', en: 'Definitions and principles' },
  RATIONALE: { nl: 'Waarom het ertoe doet', en: 'Why it matters' },
  AGREEMENT: { nl: 'Afspraken tussen overheden', en: 'Agreements between governments' },
  ROLE: { nl: 'Rol van de gemeente', en: 'Role of the municipality' },
  FOCUS_AREA: { nl: 'Aandachtsgebied', en: 'Focus area' },
  CONTEXT: { nl: 'Landelijke context', en: 'National context' },
  REFERENCE: { nl: 'Waar kun je terecht', en: 'Where to turn' },
});
