import { z } from 'zod';
import { isoDate, text, textList } from '../common/front-matter-fields';
import type { ContentTypeDescriptor } from '../common/descriptor';
import { PREVENTION_APPROACH } from '../prevention-approach/prevention-approach.enums';
import { TARGET_GROUP } from '../target-group/target-group.enums';
import { LegalPower } from './legal-power.entity';
import { AUTHORITY_WORDS, LEGAL_POWER, LegalAuthority } from './legal-power.enums';
import { LegalPowerRelations } from './legal-power.relations';
import { LegalPowerResolver } from './legal-power.resolver';
import { LegalPowerObject } from './legal-power.type';
import { OFFICIAL_REFERENCE_PATTERN } from './official-reference';

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
      authority: z.enum(LegalAuthority).describe('Who decides: the body that holds the power'),
      enabledBy: z
        .enum(LegalAuthority)
        .optional()
        .describe(
          'Who must first make the power available (e.g. the council by ordinance), when that is another body',
        ),
      law: text('law').describe('Name of the law, e.g. Gemeentewet'),
      bwbId: z
        .string()
        .regex(/^BWBR\d{7}$/, 'must be a BWB id like BWBR0005416')
        .optional()
        .describe('BWB id of the law; give officialReference instead when it is not known')
        .meta({ examples: ['BWBR0005416'] }),
      officialReference: z
        .string()
        .regex(
          OFFICIAL_REFERENCE_PATTERN,
          'must cite the Staatsblad or Kamerstukken like "Stb. 2017, 51" or "Kamerstukken 35 917, nr. 3"',
        )
        .optional()
        .describe('Staatsblad or Kamerstukken citation of the law, where its BWB id is not known'),
      validUntil: isoDate
        .optional()
        .describe('The date the legal basis lapses (horizon clause), YYYY-MM-DD, when it has one'),
      article: z
        .string()
        .regex(/^\d+(:\d+)?[a-z]{0,3}$/, 'must be an article designation like 172a or 7:1')
        .meta({ description: 'Article, e.g. 172a or 7:1', examples: ['172a'] }),
      ...translated,
    },
    en: {
      conditions: translated.conditions.optional(),
      duration: translated.duration,
      legalRemedy: translated.legalRemedy.optional(),
      useInRadicalisationCases: translated.useInRadicalisationCases.optional(),
    },
  },
  checkNl: (fields) =>
    fields.bwbId === undefined && fields.officialReference === undefined
      ? [{ field: 'bwbId', message: 'give the BWB id or, when it is not known, officialReference' }]
      : fields.enabledBy !== undefined && fields.enabledBy === fields.authority
        ? [{ field: 'enabledBy', message: 'names the same body as authority; leave it out' }]
        : [],
  neutralFields: [
    'authority',
    'enabledBy',
    'law',
    'bwbId',
    'officialReference',
    'article',
    'validUntil',
  ],
  translatedFields: ['conditions', 'duration', 'legalRemedy', 'useInRadicalisationCases'],
  links: { targetGroups: TARGET_GROUP, approaches: PREVENTION_APPROACH },
  searchText: ({ law, article, authority }) => [
    String(law),
    `artikel ${String(article)} art. ${String(article)}`,
    AUTHORITY_WORDS[authority as LegalAuthority] ?? '',
  ],
} satisfies ContentTypeDescriptor;
