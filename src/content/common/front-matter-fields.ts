import { z } from 'zod';
import { SLUG_PATTERN } from '../../lib/slug';

/**
 * Building blocks of the seed files' front matter. Each type's descriptor declares its own
 * fields with these; src/content/front-matter.ts adds the common fields and the relations.
 */

export const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

export const textList = (what: string) =>
  z.array(text(`each ${what} entry`)).refine((l) => new Set(l).size === l.length, {
    message: `${what} lists the same entry twice`,
  });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
      new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    { message: 'is not a real calendar date' },
  );

/** A reference `<type-folder>/<slug>` to an item in one of `folders`. */
export function refTo(folders: readonly string[]) {
  const pattern = new RegExp(`^(${folders.join('|')})/${SLUG_PATTERN.source.slice(1, -1)}$`);
  return z
    .string()
    .regex(pattern, `must name an item as ${folders.map((f) => `${f}/<slug>`).join(' or ')}`);
}

export const refList = (folders: readonly string[]) =>
  z
    .array(refTo(folders))
    .refine((l) => new Set(l).size === l.length, { message: 'names the same item twice' });

export const SourceSchema = z
  .object({
    title: text('title').describe('Title of the publication, page or law'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    publisher: text('publisher').optional().describe('Organisation that published it'),
    date: isoDate.optional().describe('Publication date, YYYY-MM-DD'),
  })
  .strict();

/** Fields every Dutch file has; `related` may name an item of any of `folders`. */
export const commonNlFields = (folders: readonly string[]) => ({
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
  related: refList(folders)
    .default([])
    .describe('Other items to see as well: <type-folder>/<slug>'),
  asOf: isoDate.optional().describe('Stand van zaken: the date the facts were last checked'),
  updated: isoDate
    .optional()
    .describe(
      'Date of the last change in substance (updatedAt in the API); without it, asOf, else the newest source date',
    ),
  draft: z
    .boolean()
    .optional()
    .describe('true keeps the item out of every public answer; preview requests see it'),
});

/** Fields every English file has. */
export const commonEnFields = {
  title: text('title').max(200).describe('Title (English)'),
  summary: text('summary')
    .max(300, 'must be at most 300 characters')
    .describe('One or two plain sentences'),
};

/** seed/tags.yml */
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
