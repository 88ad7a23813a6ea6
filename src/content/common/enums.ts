import { registerEnumType } from 'type-graphql';

export enum Locale {
  NL = 'nl',
  EN = 'en',
}
registerEnumType(Locale, {
  name: 'Locale',
  description:
    'Content language. Dutch (NL) is canonical; English (EN) falls back to Dutch field by field.',
  valuesConfig: { NL: { description: 'Dutch (canonical)' }, EN: { description: 'English' } },
});

export const LOCALES: readonly Locale[] = [Locale.NL, Locale.EN];

export enum ContentType {
  GUIDANCE = 'GUIDANCE',
  LEGAL_POWER = 'LEGAL_POWER',
  PREVENTION_APPROACH = 'PREVENTION_APPROACH',
  TARGET_GROUP = 'TARGET_GROUP',
}
registerEnumType(ContentType, {
  name: 'ContentType',
  description: 'The four kinds of content.',
  valuesConfig: {
    GUIDANCE: { description: 'Guidance on the theme, the agreements and the municipal role' },
    LEGAL_POWER: { description: 'A legal power with its law, article, conditions and remedy' },
    PREVENTION_APPROACH: {
      description: 'A prevention approach, from general prevention to aftercare',
    },
    TARGET_GROUP: { description: 'A target-group profile with signals and risk factors' },
  },
});

/** Seed folder per content type; also the prefix of relations and `kb:` links. */
export const TYPE_FOLDERS: Readonly<Record<ContentType, string>> = {
  [ContentType.GUIDANCE]: 'guidance',
  [ContentType.LEGAL_POWER]: 'legal-powers',
  [ContentType.PREVENTION_APPROACH]: 'prevention-approaches',
  [ContentType.TARGET_GROUP]: 'target-groups',
};

export function typeOfFolder(folder: string): ContentType | undefined {
  return (Object.keys(TYPE_FOLDERS) as ContentType[]).find((t) => TYPE_FOLDERS[t] === folder);
}

export enum TextFormat {
  MARKDOWN = 'MARKDOWN',
  HTML = 'HTML',
  PLAIN = 'PLAIN',
}
registerEnumType(TextFormat, {
  name: 'TextFormat',
  description: 'Output format of a body text.',
  valuesConfig: {
    MARKDOWN: { description: 'The Markdown source as edited' },
    HTML: { description: 'Sanitised HTML; links to other items carry data-kb-* attributes' },
    PLAIN: { description: 'Plain text without markup' },
  },
});

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

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Sort direction.' });

export enum ContentOrderField {
  TITLE = 'TITLE',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ContentOrderField, {
  name: 'ContentOrderField',
  description: 'Field to order content lists by.',
  valuesConfig: {
    TITLE: {
      description: 'Title in the requested locale (with Dutch fallback), accent-insensitive',
    },
    UPDATED_AT: { description: 'Time the item last changed in the seed' },
  },
});
