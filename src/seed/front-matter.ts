import { z } from 'zod';
import {
  ContentType,
  GuidanceKind,
  LegalAuthority,
  PreventionLevel,
  TYPE_FOLDERS,
} from '../content/common/enums';
import { SLUG_PATTERN } from '../lib/slug';

/**
 * Front matter of the seed files, per content type and locale. These schemas validate the
 * files and are exported as JSON Schema to schema/content/ for editors.
 */

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);
const textList = (what: string) =>
  z.array(text(`each ${what} entry`)).refine((l) => new Set(l).size === l.length, {
    message: `${what} lists the same entry twice`,
  });
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
      new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'is not a real calendar date',
    },
  );

function refTo(...types: ContentType[]) {
  const folders = types.map((t) => TYPE_FOLDERS[t]);
  const pattern = new RegExp(`^(${folders.join('|')})/${SLUG_PATTERN.source.slice(1, -1)}$`);
  return z
    .string()
    .regex(pattern, `must name an item as ${folders.map((f) => `${f}/<slug>`).join(' or ')}`);
}
const refList = (...types: ContentType[]) =>
  z
    .array(refTo(...types))
    .refine((l) => new Set(l).size === l.length, { message: 'names the same item twice' });

const ALL_TYPES = Object.values(ContentType);

export const SourceSchema = z
  .object({
    title: text('title').describe('Title of the publication, page or law'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    publisher: text('publisher').optional().describe('Organisation that published it'),
    date: isoDate.optional().describe('Publication date, YYYY-MM-DD'),
  })
  .strict();

const commonNl = {
  title: text('title').max(200).describe('Title (Dutch)'),
  summary: text('summary')
    .max(300, 'must be at most 300 characters')
    .describe('One or two plain sentences'),
  tags: z
    .array(z.string().regex(SLUG_PATTERN, 'must be a tag slug'))
    .refine((l) => new Set(l).size === l.length, { message: 'lists the same tag twice' })
    .default([])
    .describe('Tag slugs from seed/tags.yml'),
  sources: z.array(SourceSchema).default([]).describe('Sources for the facts in this item'),
  related: refList(...ALL_TYPES)
    .default([])
    .describe('Other items to see as well: <type-folder>/<slug>'),
  asOf: isoDate.optional().describe('Stand van zaken: the date the facts were last checked'),
};

const commonEn = {
  title: text('title').max(200).describe('Title (English)'),
  summary: text('summary')
    .max(300, 'must be at most 300 characters')
    .describe('One or two plain sentences'),
};

export const GuidanceNl = z
  .object({
    ...commonNl,
    kind: z.enum(GuidanceKind).describe('What the guidance item is about'),
    parent: refTo(ContentType.GUIDANCE).optional().describe('Parent item in the navigation tree'),
    position: z.number().int().min(0).default(0).describe('Order among siblings'),
  })
  .strict();
export const GuidanceEn = z.object(commonEn).strict();

const legalTranslated = {
  conditions: textList('condition')
    .min(1, 'must list at least one condition')
    .describe('Conditions for using the power'),
  duration: text('duration').optional().describe('How long a measure lasts'),
  legalRemedy: text('legalRemedy').describe('How an addressee can challenge it'),
  useInRadicalisationCases: text('useInRadicalisationCases').describe(
    'Examples of use in radicalisation cases',
  ),
};
export const LegalPowerNl = z
  .object({
    ...commonNl,
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
    ...legalTranslated,
    targetGroups: refList(ContentType.TARGET_GROUP).default([]),
    approaches: refList(ContentType.PREVENTION_APPROACH).default([]),
  })
  .strict();
export const LegalPowerEn = z
  .object({
    ...commonEn,
    conditions: legalTranslated.conditions.optional(),
    duration: legalTranslated.duration,
    legalRemedy: legalTranslated.legalRemedy.optional(),
    useInRadicalisationCases: legalTranslated.useInRadicalisationCases.optional(),
  })
  .strict();

export const PreventionApproachNl = z
  .object({
    ...commonNl,
    level: z.enum(PreventionLevel).describe('From general prevention to aftercare'),
    actors: textList('actor').describe('Who takes part'),
    steps: textList('step').describe('Steps of the approach, in order'),
    targetGroups: refList(ContentType.TARGET_GROUP).default([]),
    legalPowers: refList(ContentType.LEGAL_POWER).default([]),
  })
  .strict();
export const PreventionApproachEn = z
  .object({ ...commonEn, actors: textList('actor').optional(), steps: textList('step').optional() })
  .strict();

export const TargetGroupNl = z
  .object({
    ...commonNl,
    signals: textList('signal').describe('Possible signals; never a checklist'),
    riskFactors: textList('risk factor'),
    protectiveFactors: textList('protective factor'),
    approaches: refList(ContentType.PREVENTION_APPROACH).default([]),
    legalPowers: refList(ContentType.LEGAL_POWER).default([]),
  })
  .strict();
export const TargetGroupEn = z
  .object({
    ...commonEn,
    signals: textList('signal').optional(),
    riskFactors: textList('risk factor').optional(),
    protectiveFactors: textList('protective factor').optional(),
  })
  .strict();

export const TagsFile = z
  .array(
    z
      .object({
        slug: z.string().regex(SLUG_PATTERN, 'must be a slug (lowercase letters, digits, hyphens)'),
        name: z.object({ nl: text('name.nl'), en: text('name.en').optional() }).strict(),
      })
      .strict(),
  )
  .refine((tags) => new Set(tags.map((t) => t.slug)).size === tags.length, {
    message: 'lists a tag slug twice',
  });

export const FRONT_MATTER: Readonly<
  Record<ContentType, { nl: z.ZodType; en: z.ZodType; name: string }>
> = {
  [ContentType.GUIDANCE]: { nl: GuidanceNl, en: GuidanceEn, name: 'guidance' },
  [ContentType.LEGAL_POWER]: { nl: LegalPowerNl, en: LegalPowerEn, name: 'legal-power' },
  [ContentType.PREVENTION_APPROACH]: {
    nl: PreventionApproachNl,
    en: PreventionApproachEn,
    name: 'prevention-approach',
  },
  [ContentType.TARGET_GROUP]: { nl: TargetGroupNl, en: TargetGroupEn, name: 'target-group' },
};

/** Translated type-specific fields: stored per locale, fall back to Dutch when absent. */
export const TRANSLATED_FIELDS: Readonly<Record<ContentType, readonly string[]>> = {
  [ContentType.GUIDANCE]: [],
  [ContentType.LEGAL_POWER]: ['conditions', 'duration', 'legalRemedy', 'useInRadicalisationCases'],
  [ContentType.PREVENTION_APPROACH]: ['actors', 'steps'],
  [ContentType.TARGET_GROUP]: ['signals', 'riskFactors', 'protectiveFactors'],
};
