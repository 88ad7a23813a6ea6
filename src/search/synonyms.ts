import { z } from 'zod';
import { words } from './analysis/normalize';

/**
 * Editor-maintained synonym groups (seed/synonyms.yml): every term of a group finds the
 * others, e.g. `PGA` finds "persoonsgerichte aanpak".
 */
export const SynonymsFile = z.array(
  z
    .object({
      terms: z
        .array(
          z
            .string()
            .trim()
            .min(1)
            .refine((term) => words(term).length > 0, 'a term needs a letter or a digit'),
        )
        .min(2, 'a group needs at least two terms'),
      note: z.string().optional(),
    })
    .strict(),
);

/** Normalised terms: each term as its list of words. */
export type SynonymGroups = readonly (readonly (readonly string[])[])[];

/** Groups of terms (as editors wrote them, or as the file has them) in normalised form. */
export function toSynonymGroups(
  groups: readonly (readonly string[] | { readonly terms: readonly string[] })[],
): SynonymGroups {
  return groups.map((g) =>
    ('terms' in g ? g.terms : g).map((t) => words(t)).filter((w) => w.length > 0),
  );
}
