import type { Alternative, QueryGroup } from '../analysis/query';

// Terms only ever hold [a-z0-9] (see analysis/normalize), so quoting them is enough to keep
// every user string out of FTS5 syntax; the guard makes that an invariant, not a hope.
const quote = (term: string) => {
  if (!/^[\p{L}\p{N}]+$/u.test(term)) throw new Error(`unsafe FTS term: ${term}`);
  return `"${term}"`;
};

/** Prefix lengths FTS5 keeps an index for (the tables' `prefix` option). */
export const PREFIX_INDEXES = [2, 3, 4] as const;
const LONGEST_PREFIX_INDEX = Math.max(...PREFIX_INDEXES);
const MAX_PREFIX_TERMS = 32;

/** The index terms that start with a prefix; undefined when there are more than `max`. */
export type PrefixTerms = (prefix: string, max: number) => readonly string[] | undefined;

/** How words are matched against one table. */
export interface MatchOptions {
  /** The index terms that start with a prefix (to name them instead of a prefix query). */
  readonly prefixTerms?: PrefixTerms;
  /**
   * Columns of whole words, when the table also has others (compound parts): the parts of a
   * query compound must be whole words near each other, not parts of other compounds.
   */
  readonly wordColumns?: readonly string[];
}

/** Parts of a compound written apart are at most this many words from each other. */
const NEAR_DISTANCE = 3;

/** The FTS5 operands, ORed, that stand for one alternative. */
function operands(alt: Alternative, { prefixTerms, wordColumns }: MatchOptions): string[] {
  switch (alt.kind) {
    case 'term':
      return [quote(alt.term)];
    case 'prefix': {
      // FTS5 answers a prefix longer than its prefix indexes by merging the doclists of all
      // terms with that prefix into one, in every statement that uses it. Naming the few
      // terms instead lets it seek through each list and skip what the other words rule out.
      const terms =
        alt.prefix.length > LONGEST_PREFIX_INDEX
          ? prefixTerms?.(alt.prefix, MAX_PREFIX_TERMS)
          : undefined;
      return terms ? terms.map(quote) : [`${quote(alt.prefix)}*`];
    }
    case 'all':
      return [`(${alt.terms.map(quote).join(' AND ')})`];
    case 'near': {
      const phrases = alt.terms.map((t, i) =>
        alt.prefix && i === alt.terms.length - 1 ? `${quote(t)}*` : quote(t),
      );
      const near = `NEAR(${phrases.join(' ')}, ${NEAR_DISTANCE})`;
      return [wordColumns ? `{${wordColumns.join(' ')}} : ${near}` : near];
    }
    case 'phrase':
      return [`"${alt.terms.map((t) => quote(t).slice(1, -1)).join(' ')}"`];
  }
}

/** The FTS5 MATCH expression: groups ANDed, alternatives ORed. */
export function matchExpression(groups: readonly QueryGroup[], options: MatchOptions = {}): string {
  return groups
    .map((g) => {
      const ors = new Set(g.alternatives.flatMap((a) => operands(a, options)));
      // A prefix no index term starts with, alone: kept as FTS5 prefix syntax, which matches nothing.
      if (ors.size === 0)
        for (const a of g.alternatives) if (a.kind === 'prefix') ors.add(`${quote(a.prefix)}*`);
      return `(${[...ors].join(' OR ')})`;
    })
    .join(' AND ');
}

/** The groups without typo alternatives (for the "typo" ranking tier). */
export function withoutTypos(groups: readonly QueryGroup[]): QueryGroup[] {
  return groups.map((g) => ({
    ...g,
    alternatives: g.alternatives.filter((a) => a.kind !== 'term' || !a.typo),
  }));
}
