import { z } from 'zod';
import type { ContentTypeDescriptor } from './common/descriptor';
import { commonEnFields, commonNlFields, refList, refTo } from './common/front-matter-fields';
import { CONTENT_TYPES, descriptorOf, TYPE_FOLDERS } from './registry';

export interface FrontMatterSchemas {
  readonly nl: z.ZodObject;
  readonly en: z.ZodObject;
}

/**
 * The complete front matter of a type's seed files: the common fields, the type's own, its
 * relations (from `links`) and, for trees, `parent`. These validate the files and are exported
 * as JSON Schema to schema/content/ for editors.
 */
export function frontMatterOf(descriptor: ContentTypeDescriptor): FrontMatterSchemas {
  const relations = Object.fromEntries(
    Object.entries(descriptor.links).map(([field, type]) => [
      field,
      refList([descriptorOf(type).folder]).default([]),
    ]),
  );
  const tree = descriptor.tree
    ? {
        parent: refTo([descriptor.folder])
          .optional()
          .describe('Parent item in the navigation tree'),
      }
    : {};
  const nl = z
    .object({ ...commonNlFields(TYPE_FOLDERS), ...descriptor.fields.nl, ...relations, ...tree })
    .strict();
  const check = descriptor.checkNl;
  return {
    nl: check
      ? nl.superRefine((parsed, ctx) => {
          const fields = parsed as Readonly<Record<string, unknown>>;
          for (const { field, message } of check(fields))
            ctx.addIssue({ code: 'custom', path: [field], message, input: fields[field] });
        })
      : nl,
    en: z.object({ ...commonEnFields, ...descriptor.fields.en }).strict(),
  };
}

/** Front matter of every registered type, by type name. */
export const FRONT_MATTER: ReadonlyMap<string, FrontMatterSchemas> = new Map(
  CONTENT_TYPES.map((d) => [d.type, frontMatterOf(d)]),
);
