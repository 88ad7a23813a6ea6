import { splitCompound } from './compounds';
import { allowedTypos } from './edit-distance';
import { isStopWord, stem, words } from './normalize';
import type { SynonymGroups } from '../synonyms';

/** What the index knows, for typo tolerance and compound splitting. */
export interface Vocabulary {
  /** Is this stem an index term? */
  hasTerm(term: string): boolean;
  /** Index terms within `maxTypos` edits of `term`, closest first. */
  nearTerms(term: string, maxTypos: number): string[];
  /** Is this normalised word one the corpus uses? */
  hasWord(word: string): boolean;
}

export type Alternative =
  | { readonly kind: 'term'; readonly term: string; readonly typo: boolean }
  | { readonly kind: 'prefix'; readonly prefix: string }
  | { readonly kind: 'all'; readonly terms: readonly string[] }
  | { readonly kind: 'phrase'; readonly terms: readonly string[] };

/** One query word (or synonym span); a document must match one of its alternatives. */
export interface QueryGroup {
  readonly text: string;
  readonly alternatives: readonly Alternative[];
}

export const MAX_QUERY_WORDS = 10;
const MAX_TYPO_CANDIDATES = 4;

function wordGroup(word: string, last: boolean, vocab: Vocabulary): QueryGroup {
  const term = stem(word);
  const alternatives: Alternative[] = [{ kind: 'term', term, typo: false }];
  if (last && word.length >= 2) alternatives.push({ kind: 'prefix', prefix: word });
  // A compound also finds texts that use its parts separately ("woningsluiting" ~ "sluiting
  // van woningen"), even when the compound itself occurs somewhere.
  const parts = splitCompound(word, (w) => vocab.hasWord(w) || vocab.hasTerm(stem(w)));
  if (parts) alternatives.push({ kind: 'all', terms: parts.map(stem) });
  if (!vocab.hasTerm(term)) {
    const typos = allowedTypos(word);
    if (typos > 0) {
      for (const near of vocab.nearTerms(term, typos).slice(0, MAX_TYPO_CANDIDATES)) {
        alternatives.push({ kind: 'term', term: near, typo: true });
      }
    }
  }
  return { text: word, alternatives };
}

/**
 * Turns a user's query into groups ANDed together. Every user string is only ever text: the
 * groups hold normalised letters and digits, never query syntax.
 */
export function analyseQuery(
  query: string,
  vocab: Vocabulary,
  synonyms: SynonymGroups,
): QueryGroup[] {
  // No Dutch word is longer than this; longer "words" are noise and only cost time.
  const all = words(query.slice(0, 1000)).filter((w) => w.length <= 40);
  const meaningful = all.filter((w) => !isStopWord(w));
  const tokens = (meaningful.length > 0 ? meaningful : all).slice(0, MAX_QUERY_WORDS);
  const groups: QueryGroup[] = [];
  for (let i = 0; i < tokens.length;) {
    const span = matchSynonym(tokens, i, synonyms);
    if (span) {
      const { length, terms } = span;
      const text = tokens.slice(i, i + length).join(' ');
      const alternatives = terms.map((t): Alternative =>
        t.length === 1
          ? { kind: 'term', term: stem(t[0]), typo: false }
          : { kind: 'phrase', terms: t.map(stem) },
      );
      groups.push({ text, alternatives });
      i += length;
    } else {
      groups.push(wordGroup(tokens[i], i === tokens.length - 1, vocab));
      i += 1;
    }
  }
  return groups;
}

/** The longest synonym term starting at `i`, with all terms of its group. */
function matchSynonym(tokens: readonly string[], i: number, synonyms: SynonymGroups) {
  let best: { length: number; terms: readonly (readonly string[])[] } | undefined;
  for (const group of synonyms) {
    for (const term of group) {
      const fits = term.every(
        (w, k) => tokens[i + k] === w || stem(tokens[i + k] ?? '') === stem(w),
      );
      if (fits && (!best || term.length > best.length))
        best = { length: term.length, terms: group };
    }
  }
  return best;
}

/** Stems and prefixes a document word can match, for highlighting. */
export function matchedBy(groups: readonly QueryGroup[]): {
  terms: Set<string>;
  prefixes: string[];
} {
  const terms = new Set<string>();
  const prefixes: string[] = [];
  for (const group of groups) {
    for (const alt of group.alternatives) {
      if (alt.kind === 'term') terms.add(alt.term);
      else if (alt.kind === 'prefix') prefixes.push(alt.prefix);
      else alt.terms.forEach((t) => terms.add(t));
    }
  }
  return { terms, prefixes };
}
