import { registerEnumType } from 'type-graphql';
import { defineLabels } from './labels';

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

defineLabels<Uppercase<Locale>>('Locale', {
  NL: { nl: 'Nederlands', en: 'Dutch' },
  EN: { nl: 'Engels', en: 'English' },
});

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

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Sort direction.' });

export enum ContentOrderField {
  TITLE = 'TITLE',
  UPDATED_AT = 'UPDATED_AT',
  POSITION = 'POSITION',
}
registerEnumType(ContentOrderField, {
  name: 'ContentOrderField',
  description: 'Field to order content lists by.',
  valuesConfig: {
    TITLE: {
      description: 'Title in the requested locale (with Dutch fallback), accent-insensitive',
    },
    UPDATED_AT: { description: 'When the content of the item last changed (see `updatedAt`)' },
    POSITION: {
      description:
        'Tree order, as a navigation shows it: depth first, siblings by position (guidance only)',
    },
  },
});
