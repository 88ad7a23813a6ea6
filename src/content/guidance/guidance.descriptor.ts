import { z } from 'zod';
import type { ContentTypeDescriptor } from '../common/descriptor';
import { Guidance } from './guidance.entity';
import { GUIDANCE, GuidanceKind } from './guidance.enums';
import { GuidanceResolver } from './guidance.resolver';
import { GuidanceObject } from './guidance.type';

export const guidance = {
  type: GUIDANCE,
  description: 'Guidance on the theme, the agreements and the municipal role',
  label: { nl: 'Handreiking', en: 'Guidance' },
  folder: 'guidance',
  schemaName: 'guidance',
  entity: Guidance,
  object: GuidanceObject,
  resolvers: [GuidanceResolver],
  fields: {
    nl: {
      kind: z.enum(GuidanceKind).describe('What the guidance item is about'),
      position: z.number().int().min(0).default(0).describe('Order among siblings'),
    },
    en: {},
  },
  neutralFields: ['kind', 'position'],
  translatedFields: [],
  links: {},
  tree: true,
} satisfies ContentTypeDescriptor;
