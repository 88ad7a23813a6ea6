import { z } from 'zod';
import { text, textList } from '../common/front-matter-fields';
import type { ContentTypeDescriptor } from '../common/descriptor';
import { PREVENTION_APPROACH } from '../prevention-approach/prevention-approach.enums';
import { TARGET_GROUP } from '../target-group/target-group.enums';
import { LegalPower } from './legal-power.entity';
import { AUTHORITY_WORDS, LEGAL_POWER, LegalAuthority } from './legal-power.enums';
import { LegalPowerRelations } from './legal-power.relations';
import { LegalPowerResolver } from './legal-power.resolver';
import { LegalPowerObject } from './legal-power.type';

const translated = {
  conditions: textList('condition')
    .min(1, 'must list at least one condition')
    .describe('Conditions for using the power'),
  duration: text('duration').optional().describe('How long a measure lasts'),
  legalRemedy: text('legalRemedy').describe('How an addressee can challenge it'),
  useInRadicalisationCases: text('useInRadicalisationCases').describe(
    'Examples of use in radicalisation cases',
  ),
};

export const legalPower = {
  type: LEGAL_POWER,
  description: 'A legal power with its law, article, conditions and remedy',
  label: { nl: 'Bevoegdheid', en: 'Legal power' },
  folder: 'legal-powers',
  schemaName: 'legal-power',
  entity: LegalPower,
  object: LegalPowerObject,
  resolvers: [LegalPowerResolver, LegalPowerRelations],
  fields: {
    nl: {
      authority: z.enum(LegalAuthority).describe('Who holds the power'),
      law: text('law').describe('Name of the law, e.g. Gemeentewet'),
      bwbId: z
        .string()
        .regex(/^BWBR\d{7}$/, 'must be a BWB id like BWBR0005416')
        .describe('BWB id of the law'),
      article: z
        .string()
        .regex(/^\d+(:\d+)?[a-z]{0,3}$/, 'must be an article designation like 172a or 7:1')
        .describe('Article, e.g. 172a or 7:1'),
      ...translated,
    },
    en: {
      conditions: translated.conditions.optional(),
      duration: translated.duration,
      legalRemedy: translated.legalRemedy.optional(),
      useInRadicalisationCases: translated.useInRadicalisationCases.optional(),
    },
  },
  neutralFields: ['authority', 'law', 'bwbId', 'article'],
  translatedFields: ['conditions', 'duration', 'legalRemedy', 'useInRadicalisationCases'],
  links: { targetGroups: TARGET_GROUP, approaches: PREVENTION_APPROACH },
  searchText: ({ law, article, authority }) => [
    String(law),
    `artikel ${String(article)} art. ${String(article)}`,
    AUTHORITY_WORDS[authority as LegalAuthority] ?? '',
  ],
} satisfies ContentTypeDescriptor;
