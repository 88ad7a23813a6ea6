import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { words } from './analysis/normalize';

/**
 * Editor-maintained synonym groups (seed/synonyms.yml): every term of a group finds the
 * others, e.g. `PGA` finds "persoonsgerichte aanpak".
 */
export const SynonymsFile = z.array(
  z
    .object({
      terms: z.array(z.string().trim().min(1)).min(2, 'a group needs at least two terms'),
      note: z.string().optional(),
    })
    .strict(),
);

/** Normalised terms: each term as its list of words. */
export type SynonymGroups = readonly (readonly (readonly string[])[])[];

export function toSynonymGroups(file: z.infer<typeof SynonymsFile>): SynonymGroups {
  return file.map((g) => g.terms.map((t) => words(t)).filter((w) => w.length > 0));
}

/** Reads seed/synonyms.yml; an absent file means no synonyms. */
export async function loadSynonyms(seedDir: string): Promise<SynonymGroups> {
  const text = await fs.readFile(path.join(seedDir, 'synonyms.yml'), 'utf8').catch(() => null);
  if (text === null) return [];
  return toSynonymGroups(SynonymsFile.parse(parse(text)));
}
