import { registerEnumType } from 'type-graphql';

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

/** Dutch words for each authority, so that "burgemeester" finds the mayor's powers. */
export const AUTHORITY_WORDS: Readonly<Record<LegalAuthority, string | null>> = {
  MAYOR: 'burgemeester',
  MUNICIPAL_EXECUTIVE: 'college van burgemeester en wethouders',
  MUNICIPAL_COUNCIL: 'gemeenteraad',
  MINISTER: 'minister',
  PUBLIC_PROSECUTOR: 'openbaar ministerie officier van justitie',
  OTHER: null,
};
