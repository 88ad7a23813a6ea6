import { registerEnumType } from 'type-graphql';
import { defineLabels } from '../common/labels';

/** The `ContentType` name of legal powers. */
export const LEGAL_POWER = 'LEGAL_POWER' as const;

export enum LegalAuthority {
  MAYOR = 'MAYOR',
  MUNICIPAL_EXECUTIVE = 'MUNICIPAL_EXECUTIVE',
  MUNICIPAL_COUNCIL = 'MUNICIPAL_COUNCIL',
  MINISTER = 'MINISTER',
  PUBLIC_PROSECUTOR = 'PUBLIC_PROSECUTOR',
  OTHER = 'OTHER',
}
registerEnumType(LegalAuthority, {
  name: 'LegalAuthority',
  description: 'Who holds a legal power.',
  valuesConfig: {
    MAYOR: { description: 'Burgemeester' },
    MUNICIPAL_EXECUTIVE: { description: 'College van burgemeester en wethouders' },
    MUNICIPAL_COUNCIL: { description: 'Gemeenteraad' },
    MINISTER: { description: 'A minister or state secretary' },
    PUBLIC_PROSECUTOR: { description: 'Openbaar Ministerie' },
    OTHER: { description: 'Another body, such as the police chief' },
  },
});

export const LEGAL_AUTHORITY_LABELS = defineLabels<LegalAuthority>('LegalAuthority', {
  MAYOR: { nl: 'Burgemeester', en: 'Mayor' },
  MUNICIPAL_EXECUTIVE: {
    nl: 'College van burgemeester en wethouders',
    en: 'Municipal executive',
  },
  MUNICIPAL_COUNCIL: { nl: 'Gemeenteraad', en: 'Municipal council' },
  MINISTER: { nl: 'Minister', en: 'Minister' },
  PUBLIC_PROSECUTOR: { nl: 'Openbaar Ministerie', en: 'Public Prosecution Service' },
  OTHER: { nl: 'Andere instantie', en: 'Other body' },
});

/** Dutch words for each authority, so that "burgemeester" finds the mayor's powers. */
export const AUTHORITY_WORDS: Readonly<Record<LegalAuthority, string | null>> = {
  MAYOR: 'burgemeester',
  MUNICIPAL_EXECUTIVE: 'college van burgemeester en wethouders',
  MUNICIPAL_COUNCIL: 'gemeenteraad',
  MINISTER: 'minister',
  PUBLIC_PROSECUTOR: 'openbaar ministerie officier van justitie',
  OTHER: null,
};
