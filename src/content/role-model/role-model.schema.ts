import { z } from 'zod';
import { SLUG_PATTERN } from '../../lib/slug';

/**
 * Schema of seed/role-model.yml: actor groups, actors, phases, tasks and the edges between
 * actors. Cross-references are checked in role-model.ts; this also feeds the JSON Schema.
 */
const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);
const localized = (what: string) =>
  z
    .object({ nl: text(what).describe('Dutch'), en: text(what).optional().describe('English') })
    .strict();
const id = z
  .string()
  .regex(SLUG_PATTERN, 'must be an id of lowercase letters, digits and single hyphens');
const ids = z.array(id);
const contentRefs = z
  .array(z.string())
  .default([])
  .describe('Content items as <type-folder>/<slug>, e.g. legal-powers/noodbevel');

export const RoleModelFile = z
  .object({
    title: localized('title').optional().describe('Name of the role model'),
    description: localized('description')
      .optional()
      .describe('What the role model shows, in a sentence or two'),
    groups: z
      .array(z.object({ id, label: localized('label') }).strict())
      .min(1, 'must list at least one group')
      .describe('Groups of actors, e.g. gemeente or zorg en sociaal domein'),
    actors: z
      .array(
        z
          .object({
            id,
            group: id.describe('Id of a group'),
            label: localized('label'),
            description: localized('description').describe('One or two short sentences'),
            content: contentRefs,
          })
          .strict(),
      )
      .min(1, 'must list at least one actor')
      .describe('Organisations and roles that take part in the local approach'),
    phases: z
      .array(
        z.object({ id, position: z.number().int().min(0), label: localized('label') }).strict(),
      )
      .min(1, 'must list at least one phase')
      .describe('Phases of the approach, ordered by position'),
    tasks: z
      .array(
        z
          .object({
            id,
            phase: id.describe('Id of a phase'),
            label: localized('label'),
            actors: ids.min(1, 'must name at least one actor').describe('Ids of actors'),
            content: contentRefs,
          })
          .strict(),
      )
      .default([])
      .describe('Who does what in which phase'),
    edges: z
      .array(
        z
          .object({
            from: id.describe('Id of an actor'),
            to: id.describe('Id of an actor'),
            label: localized('label').describe('What flows from one actor to the other'),
          })
          .strict(),
      )
      .default([])
      .describe('Relations between actors, e.g. "meldt zorgen aan"'),
  })
  .strict();
