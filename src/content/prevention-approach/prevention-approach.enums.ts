import { registerEnumType } from 'type-graphql';
import { defineLabels } from '../common/labels';

/** The `ContentType` name of prevention approaches. */
export const PREVENTION_APPROACH = 'PREVENTION_APPROACH' as const;

export enum PreventionLevel {
  GENERAL_PREVENTION = 'GENERAL_PREVENTION',
  EARLY_SIGNALLING = 'EARLY_SIGNALLING',
  SPECIFIC_PREVENTION = 'SPECIFIC_PREVENTION',
  PERSON_CENTRED = 'PERSON_CENTRED',
  AFTERCARE = 'AFTERCARE',
}
registerEnumType(PreventionLevel, {
  name: 'PreventionLevel',
  description: 'Where an approach sits, from general prevention to aftercare.',
  valuesConfig: {
    GENERAL_PREVENTION: { description: 'Everyone: social cohesion, resilience, dialogue' },
    EARLY_SIGNALLING: { description: 'Noticing and sharing worrying signals early' },
    SPECIFIC_PREVENTION: { description: 'Risk groups and identifiable vulnerable people' },
    PERSON_CENTRED: { description: 'Person-centred approach for individual cases' },
    AFTERCARE: { description: 'Aftercare and reintegration' },
  },
});

export const PREVENTION_LEVEL_LABELS = defineLabels<PreventionLevel>('PreventionLevel', {
  GENERAL_PREVENTION: { nl: 'Algemene preventie', en: 'General prevention' },
  EARLY_SIGNALLING: { nl: 'Vroegsignalering', en: 'Early signalling' },
  SPECIFIC_PREVENTION: { nl: 'Specifieke preventie', en: 'Specific prevention' },
  PERSON_CENTRED: { nl: 'Persoonsgerichte aanpak', en: 'Person-centred approach' },
  AFTERCARE: { nl: 'Nazorg en re-integratie', en: 'Aftercare and reintegration' },
});

/** Dutch words for each level, so that "nazorg" finds the aftercare approaches. */
export const LEVEL_WORDS: Readonly<Record<PreventionLevel, string>> = {
  GENERAL_PREVENTION: 'algemene preventie',
  EARLY_SIGNALLING: 'vroegsignalering',
  SPECIFIC_PREVENTION: 'specifieke preventie',
  PERSON_CENTRED: 'persoonsgerichte aanpak',
  AFTERCARE: 'nazorg re-integratie',
};
