import type { QueryGroup } from '../analysis/query';
import { withoutTypos } from './match';
import type { Tier } from './ranking';
import { WORD_COLUMNS } from './schema';

/** Any of the groups. */
const anyOf = (groups: readonly QueryGroup[], express: Express) =>
  groups.map((g) => express([g], WORD_COLUMNS)).join(' OR ');

/** Builds an FTS5 expression of groups; `wordColumns` for the table that has compound parts. */
export type Express = (groups: readonly QueryGroup[], wordColumns?: readonly string[]) => string;

/**
 * The ranking tiers of a query, best first. `levels` are the queries from all words down to the
 * rarest one (dropOrder). With all words: without typos in the title, with typos in the title,
 * in title, summary or tags, then anywhere. With fewer words (the most frequent dropped first):
 * in the title, then in title, summary or tags. Last, documents with any word, by bm25, which
 * weighs rare words and title words most. For a keyword query every word counts, so all words
 * anywhere come before fewer words in the title; a question names its subject with a few words
 * and its frame with others, so fewer words in the title come first.
 */
export function rankingTiers(
  levels: readonly (readonly QueryGroup[])[],
  express: Express,
  question: boolean,
): Tier[] {
  const [first, ...fewer] = levels;
  const tiers: Tier[] = [];
  if (first.some((g) => g.alternatives.some((a) => a.kind === 'term' && a.typo))) {
    const exact = withoutTypos(first);
    tiers.push({ table: 'fts_title', expression: express(exact), groups: exact });
  }
  const title = levels.map((groups): Tier => ({
    table: 'fts_title',
    expression: express(groups),
    groups,
  }));
  const head = levels.map((groups): Tier => ({
    table: 'fts_head',
    expression: express(groups),
    groups,
  }));
  const everywhere: Tier = {
    table: 'fts',
    expression: express(first, WORD_COLUMNS),
    groups: first,
    wordsOnly: true,
  };
  if (question) tiers.push(...title, ...head, everywhere);
  else tiers.push(title[0], head[0], everywhere, ...title.slice(1), ...head.slice(1));
  if (fewer.length > 0)
    tiers.push({
      table: 'fts',
      expression: anyOf(first, express),
      groups: first,
      wordsOnly: true,
      any: true,
    });
  return tiers;
}
