import type { QueryGroup } from '../analysis/query';
import { treeExpression, withoutTypos, type MatchTree } from './match';
import type { Tier } from './ranking';
import { WORD_COLUMNS } from './schema';

/** Builds the FTS5 operands of groups; `wordColumns` for the table that has compound parts. */
export type Express = (groups: readonly QueryGroup[], wordColumns?: readonly string[]) => MatchTree;

/** A tier; its FTS5 expression is written when a statement first needs it (never in memory). */
function tier(table: Tier['table'], tree: MatchTree, any = false): Tier {
  let expression: string | undefined;
  return {
    table,
    tree,
    any,
    get expression() {
      expression ??= any
        ? tree.map((ors) => treeExpression([ors])).join(' OR ')
        : treeExpression(tree);
      return expression;
    },
  };
}

/**
 * The ranking tiers of a query, best first. `levels` are the queries from all words down to the
 * rarest one (dropOrder). With all words: without typos in the title, with typos in the title,
 * in title, summary or tags, then anywhere. With fewer words (the most frequent dropped first):
 * in the title, then in title, summary or tags. Last, documents with any word, by bm25, which
 * weighs rare words and title words most. For a keyword query every word counts, so all words
 * anywhere come before fewer words in the title; a question names its subject with a few words
 * and its frame with others, so fewer words in the title come first. Within each of these but
 * the last, the documents where the last word is whole or a close completion (QueryGroup.close)
 * come first: the more of a word is typed, the likelier it is the word meant.
 */
export function rankingTiers(
  levels: readonly (readonly QueryGroup[])[],
  express: Express,
  question: boolean,
): Tier[] {
  const [first, ...fewer] = levels;
  // The groups with the last word narrowed to its close completions, then as they are.
  const tiers = (
    table: Tier['table'],
    groups: readonly QueryGroup[],
    wordColumns?: readonly string[],
  ) =>
    (groups.some((g) => g.close) ? [groups.map((g) => g.close ?? g), groups] : [groups]).map((gs) =>
      tier(table, express(gs, wordColumns)),
    );
  const ranked: Tier[] = [];
  if (first.some((g) => g.alternatives.some((a) => a.kind === 'term' && a.typo)))
    ranked.push(...tiers('fts_title', withoutTypos(first)));
  const title = levels.map((groups) => tiers('fts_title', groups));
  const head = levels.map((groups) => tiers('fts_head', groups));
  const everywhere = tiers('fts', first, WORD_COLUMNS);
  if (question) ranked.push(...title.flat(), ...head.flat(), ...everywhere);
  else
    ranked.push(
      ...title[0],
      ...head[0],
      ...everywhere,
      ...title.slice(1).flat(),
      ...head.slice(1).flat(),
    );
  // Documents with any word: each group on its own, ORed.
  if (fewer.length > 0)
    ranked.push(
      tier(
        'fts',
        first.map((g) => express([g], WORD_COLUMNS)[0]),
        true,
      ),
    );
  return ranked;
}
