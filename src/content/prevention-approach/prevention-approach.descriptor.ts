import { z } from 'zod';
import { textList } from '../common/front-matter-fields';
import type { ContentTypeDescriptor } from '../common/descriptor';
import { LEGAL_POWER } from '../legal-power/legal-power.enums';
import { TARGET_GROUP } from '../target-group/target-group.enums';
import { PreventionApproach } from './prevention-approach.entity';
import { LEVEL_WORDS, PREVENTION_APPROACH, PreventionLevel } from './prevention-approach.enums';
import { PreventionApproachRelations } from './prevention-approach.relations';
import { PreventionApproachResolver } from './prevention-approach.resolver';
import { PreventionApproachObject } from './prevention-approach.type';

export const preventionApproach = {
  type: PREVENTION_APPROACH,
  description: 'A prevention approach, from general prevention to aftercare',
  label: { nl: 'Preventieaanpak', en: 'Prevention approach' },
  folder: 'prevention-approaches',
  schemaName: 'prevention-approach',
  entity: PreventionApproach,
  object: PreventionApproachObject,
  resolvers: [PreventionApproachResolver, PreventionApproachRelations],
  fields: {
    nl: {
      level: z.enum(PreventionLevel).describe('From general prevention to aftercare'),
      actors: textList('actor').describe('Who takes part'),
      steps: textList('step').describe('Steps of the approach, in order'),
    },
    en: { actors: textList('actor').optional(), steps: textList('step').optional() },
  },
  neutralFields: ['level'],
  translatedFields: ['actors', 'steps'],
  links: { targetGroups: TARGET_GROUP, legalPowers: LEGAL_POWER },
  searchText: ({ level }) => [LEVEL_WORDS[level as PreventionLevel] ?? ''],
} satisfies ContentTypeDescriptor;
