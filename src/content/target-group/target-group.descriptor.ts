import { textList } from '../common/front-matter-fields';
import type { ContentTypeDescriptor } from '../common/descriptor';
import { LEGAL_POWER } from '../legal-power/legal-power.enums';
import { PREVENTION_APPROACH } from '../prevention-approach/prevention-approach.enums';
import { TargetGroupProfile } from './target-group.entity';
import { TARGET_GROUP } from './target-group.enums';
import { TargetGroupProfileRelations } from './target-group.relations';
import { TargetGroupProfileResolver } from './target-group.resolver';
import { TargetGroupProfileObject } from './target-group.type';

export const targetGroup = {
  type: TARGET_GROUP,
  description: 'A target-group profile with signals and risk factors',
  label: { nl: 'Doelgroep', en: 'Target group' },
  folder: 'target-groups',
  schemaName: 'target-group',
  entity: TargetGroupProfile,
  object: TargetGroupProfileObject,
  resolvers: [TargetGroupProfileResolver, TargetGroupProfileRelations],
  fields: {
    nl: {
      signals: textList('signal').describe('Possible signals; never a checklist'),
      riskFactors: textList('risk factor'),
      protectiveFactors: textList('protective factor'),
    },
    en: {
      signals: textList('signal').optional(),
      riskFactors: textList('risk factor').optional(),
      protectiveFactors: textList('protective factor').optional(),
    },
  },
  neutralFields: [],
  translatedFields: ['signals', 'riskFactors', 'protectiveFactors'],
  links: { approaches: PREVENTION_APPROACH, legalPowers: LEGAL_POWER },
} satisfies ContentTypeDescriptor;
