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
export const NEAR_DISTANCE = 3;

/** An FTS5 phrase: one term, a prefix, or words in a row. */
export interface Phrase {
  readonly terms: readonly string[];
  readonly prefix: boolean;
}

/** An FTS5 operand: phrases that must all occur, or occur near each other (in `columns`). */
export interface Operand {
  readonly kind: 'and' | 'near';
  readonly phrases: readonly Phrase[];
  readonly columns?: readonly string[];
}

/** A match expression as FTS5 reads it: groups ANDed, each an OR of operands. */
export type MatchTree = readonly (readonly Operand[])[];

const one = (term: string, prefix = false): Operand => ({
  kind: 'and',
  phrases: [{ terms: [term], prefix }],
});

/** The FTS5 operands, ORed, that stand for one alternative. */
function operands(alt: Alternative, { prefixTerms, wordColumns }: MatchOptions): Operand[] {
  switch (alt.kind) {
    case 'term':
      return [one(alt.term)];
    case 'prefix': {
      // FTS5 answers a prefix longer than its prefix indexes by merging the doclists of all
      // terms with that prefix into one, in every statement that uses it. Naming the few
      // terms instead lets it seek through each list and skip what the other words rule out.
      const terms =
        alt.prefix.length > LONGEST_PREFIX_INDEX
          ? prefixTerms?.(alt.prefix, MAX_PREFIX_TERMS)
          : undefined;
      return terms ? terms.map((t) => one(t)) : [one(alt.prefix, true)];
    }
    case 'all':
      return [{ kind: 'and', phrases: alt.terms.map((t) => ({ terms: [t], prefix: false })) }];
    case 'near':
      return [
        {
          kind: 'near',
          phrases: alt.terms.map((t, i) => ({
            terms: [t],
            prefix: !!alt.prefix && i === alt.terms.length - 1,
          })),
          columns: wordColumns,
        },
      ];
    case 'phrase':
      return [{ kind: 'and', phrases: [{ terms: alt.terms, prefix: false }] }];
  }
}

/** A phrase as FTS5 syntax. */
export const phraseText = ({ terms, prefix }: Phrase) =>
  terms.length === 1
    ? `${quote(terms[0])}${prefix ? '*' : ''}`
    : `"${terms.map((t) => quote(t).slice(1, -1)).join(' ')}"`;

/** An operand as FTS5 syntax; equal texts are equal operands. */
export function operandText(op: Operand): string {
  if (op.kind === 'near') {
    const near = `NEAR(${op.phrases.map(phraseText).join(' ')}, ${NEAR_DISTANCE})`;
    return op.columns ? `{${op.columns.join(' ')}} : ${near}` : near;
  }
  const phrases = op.phrases.map(phraseText);
  return phrases.length === 1 ? phrases[0] : `(${phrases.join(' AND ')})`;
}

/** The groups as FTS5 operands, each group's repeated operands once. */
export function matchTree(groups: readonly QueryGroup[], options: MatchOptions = {}): MatchTree {
  return groups.map((g) => {
    const ors = new Map<string, Operand>();
    for (const op of g.alternatives.flatMap((a) => operands(a, options))) {
      const text = operandText(op);
      if (!ors.has(text)) ors.set(text, op);
    }
    // A prefix no index term starts with, alone: kept as FTS5 prefix syntax, which matches nothing.
    if (ors.size === 0)
      for (const a of g.alternatives)
        if (a.kind === 'prefix') ors.set(operandText(one(a.prefix, true)), one(a.prefix, true));
    return [...ors.values()];
  });
}

/** The FTS5 MATCH expression of a tree. */
export const treeExpression = (tree: MatchTree): string =>
  tree.map((ors) => `(${ors.map(operandText).join(' OR ')})`).join(' AND ');

/** The FTS5 MATCH expression: groups ANDed, alternatives ORed. */
export function matchExpression(groups: readonly QueryGroup[], options: MatchOptions = {}): string {
  return treeExpression(matchTree(groups, options));
}

/** Alternatives without their typos, the same list each time (operands are kept per list). */
const untypedLists = new WeakMap<readonly Alternative[], readonly Alternative[]>();

/** The groups without typo alternatives (for the "typo" ranking tier). */
export function withoutTypos(groups: readonly QueryGroup[]): QueryGroup[] {
  return groups.map(function untyped(g): QueryGroup {
    let alternatives = untypedLists.get(g.alternatives);
    if (!alternatives) {
      alternatives = g.alternatives.filter((a) => a.kind !== 'term' || !a.typo);
      untypedLists.set(g.alternatives, alternatives);
    }
    return { ...g, alternatives, ...(g.close && { close: untyped(g.close) }) };
  });
}
