import { splitCompound } from './compounds';
import { allowedTypos } from './edit-distance';
import { isStopWord, stem, words } from './normalize';
import type { SynonymGroups } from '../synonyms';

/** What the index knows, for typo tolerance, compound splitting and word frequencies. */
export interface Vocabulary {
  /** Is this stem an index term? */
  hasTerm(term: string): boolean;
  /** Index terms within `maxTypos` edits of `term`, closest first. */
  nearTerms(term: string, maxTypos: number): string[];
  /** Is this normalised word one the corpus uses? */
  hasWord(word: string): boolean;
  /** Number of documents holding the index term (0 when none). */
  docsWith(term: string): number;
  /** Number of documents holding any index term that starts with `prefix` (an upper bound). */
  docsWithPrefix(prefix: string): number;
  /**
   * The index terms that start with `prefix`: those at most `maxLength` long (undefined when
   * there are more than `max` of them), and how many others there are.
   */
  completions(
    prefix: string,
    maxLength: number,
    max: number,
  ): { short: readonly string[] | undefined; longer: number };
}

export type Alternative =
  | { readonly kind: 'term'; readonly term: string; readonly typo: boolean }
  | { readonly kind: 'prefix'; readonly prefix: string }
  /** Words that must all occur (two query words that the corpus also writes as one). */
  | { readonly kind: 'all'; readonly terms: readonly string[] }
  /**
   * The parts of a compound, as whole words close to each other ("sluiting van woningen" for
   * woningsluiting); with `prefix`, the last part is still being typed.
   */
  | { readonly kind: 'near'; readonly terms: readonly string[]; readonly prefix?: boolean }
  | { readonly kind: 'phrase'; readonly terms: readonly string[] };

/** One query word (or synonym span); a document must match one of its alternatives. */
export interface QueryGroup {
  readonly text: string;
  readonly alternatives: readonly Alternative[];
  /** About how many documents the group matches: frequent groups are dropped first. */
  readonly docs: number;
  /**
   * For the last word: the same word with only its whole-word matches and the completions of
   * which at least half is typed, which rank first; absent when that leaves nothing out or
   * nothing in.
   */
  readonly close?: QueryGroup;
}

export const MAX_QUERY_WORDS = 10;
const MAX_TYPO_CANDIDATES = 4;
/** Shortest compound head, and shortest typed tail, for type-ahead into a compound. */
const MIN_HEAD = 4;
const MIN_TAIL = 2;
/** Shortest word whose inflected forms it begins are also searched. */
const MIN_INFLECTED = 6;
/** A completion counts as close when at least this share of it is typed. */
const CLOSE_SHARE = 1 / 2;
/** More close completions than this are not named: then only whole words rank first. */
const MAX_CLOSE_COMPLETIONS = 32;

/**
 * A word being typed as the tail of a compound whose head is complete: "woningsl" ->
 * woning + "sl" (sluiting). The longest known head wins, allowing a linking "s" or "e(n)".
 */
function compoundPrefix(word: string, vocab: Vocabulary): Alternative | undefined {
  for (let i = word.length - MIN_TAIL; i >= MIN_HEAD; i -= 1) {
    const tail = word.slice(i);
    if (vocab.docsWithPrefix(tail) === 0) continue;
    const head = word.slice(0, i);
    for (const candidate of [head, head.replace(/s$/, ''), head.replace(/en?$/, '')]) {
      if (candidate.length >= MIN_HEAD && vocab.hasWord(candidate) && !isStopWord(candidate))
        return { kind: 'near', terms: [stem(candidate), tail], prefix: true };
    }
  }
  return undefined;
}

/**
 * The last word as typed so far, narrowed to the matches of which at least half is typed: whole
 * words and compound parts as they are, a completion when its length is at most twice what is
 * typed ("sluit" -> sluiting, not sluitingsbevoegdheid), and a compound whose tail is being typed
 * by the length of the whole ("woningsl" -> woning + sluiting). Undefined when that leaves
 * nothing out or no document in.
 */
function closeGroup(
  word: string,
  alternatives: readonly Alternative[],
  vocab: Vocabulary,
): QueryGroup | undefined {
  const close: Alternative[] = [];
  let far = false;
  for (const alt of alternatives) {
    const tail =
      alt.kind === 'prefix'
        ? alt.prefix
        : alt.kind === 'near' && alt.prefix
          ? alt.terms.at(-1)!
          : undefined;
    if (tail === undefined) {
      close.push(alt);
      continue;
    }
    // Typed: the whole word; complete: what comes before the tail, plus the completion.
    const before = word.length - tail.length;
    const { short, longer } = vocab.completions(
      tail,
      Math.floor(word.length / CLOSE_SHARE) - before,
      MAX_CLOSE_COMPLETIONS,
    );
    far ||= longer > 0 || !short;
    for (const term of short ?? [])
      close.push(
        alt.kind === 'near'
          ? { kind: 'near', terms: [...alt.terms.slice(0, -1), term] }
          : { kind: 'term', term, typo: false },
      );
  }
  const docs = docsOf(close, vocab);
  return far && docs > 0 ? { text: word, alternatives: close, docs } : undefined;
}

/** Groups of single words per vocabulary (one per index): type-ahead repeats its words. */
const wordGroups = new WeakMap<Vocabulary, Map<string, QueryGroup>>();
const MAX_KEPT_GROUPS = 10_000;

function keptWordGroup(word: string, last: boolean, vocab: Vocabulary): QueryGroup {
  let kept = wordGroups.get(vocab);
  if (!kept) wordGroups.set(vocab, (kept = new Map<string, QueryGroup>()));
  // Words hold only letters and digits, so "+" cannot be part of one.
  const key = last ? `+${word}` : word;
  let group = kept.get(key);
  if (!group) {
    if (kept.size >= MAX_KEPT_GROUPS) kept.clear();
    kept.set(key, (group = wordGroup(word, last, vocab)));
  }
  // A copy: a query that repeats a word has two groups, which dropOrder tells apart.
  return { ...group };
}

function wordGroup(word: string, last: boolean, vocab: Vocabulary): QueryGroup {
  const term = stem(word);
  const alternatives: Alternative[] = [];
  if (!isStopWord(word)) alternatives.push({ kind: 'term', term, typo: false });
  if (last && word.length >= 2) {
    alternatives.push({ kind: 'prefix', prefix: word });
    const into = vocab.hasTerm(term) ? undefined : compoundPrefix(word, vocab);
    if (into) alternatives.push(into);
  } else if (word.length >= MIN_INFLECTED && term.length < word.length - 1) {
    // The stemmer cut an ending that other forms keep (herk[en] vs herkenn[en]): the word as
    // typed also finds the words it begins.
    alternatives.push({ kind: 'prefix', prefix: word });
  }
  // A compound also finds texts that use its parts as words close together ("woningsluiting"
  // ~ "sluiting van woningen"), but not texts that only have one part somewhere.
  const parts = splitCompound(word, (w) => vocab.hasWord(w) || vocab.hasTerm(stem(w)));
  if (parts) alternatives.push({ kind: 'near', terms: parts.map(stem) });
  if (!vocab.hasTerm(term) && !isStopWord(word)) {
    const typos = allowedTypos(word);
    if (typos > 0) {
      for (const near of vocab.nearTerms(term, typos).slice(0, MAX_TYPO_CANDIDATES)) {
        alternatives.push({ kind: 'term', term: near, typo: true });
      }
    }
  }
  const group = { text: word, alternatives, docs: docsOf(alternatives, vocab) };
  const close = last ? closeGroup(word, alternatives, vocab) : undefined;
  return close ? { ...group, close } : group;
}

/** The most documents any alternative matches: a group matches at least that many. */
function docsOf(alternatives: readonly Alternative[], vocab: Vocabulary): number {
  return Math.max(
    0,
    ...alternatives.map((alt) => {
      switch (alt.kind) {
        case 'term':
          return vocab.docsWith(alt.term);
        case 'prefix':
          return vocab.docsWithPrefix(alt.prefix);
        default:
          return Math.min(...alt.terms.map((t) => vocab.docsWith(t)));
      }
    }),
  );
}

/** The query's words: function words go, unless the last is still being typed. */
function queryWords(query: string): string[] {
  const text = query.slice(0, 1000);
  // No Dutch word is longer than this; longer "words" are noise and only cost time.
  const all = words(text).filter((w) => w.length <= 40);
  const typing = /[\p{L}\p{N}]$/u.test(text);
  const kept = all.filter((w, i) => !isStopWord(w) || (typing && i === all.length - 1));
  const meaningful = kept.some((w) => !isStopWord(w)) ? kept : all;
  return meaningful.slice(-MAX_QUERY_WORDS);
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
  const tokens = queryWords(query);
  const groups: QueryGroup[] = [];
  for (let i = 0; i < tokens.length;) {
    const span = matchSynonym(tokens, i, synonyms);
    const last = i === tokens.length - 1;
    if (span) {
      const { length, terms } = span;
      const text = tokens.slice(i, i + length).join(' ');
      const alternatives = terms
        .map(contentWords)
        .map((t): Alternative =>
          t.length === 1
            ? { kind: 'term', term: stem(t[0]), typo: false }
            : { kind: 'phrase', terms: t.map(stem) },
        );
      groups.push({ text, alternatives, docs: docsOf(alternatives, vocab) });
      i += length;
    } else if (!last && vocab.hasWord(tokens[i] + tokens[i + 1])) {
      // Two words the corpus also writes as one ("exit begeleiding" ~ exitbegeleiding).
      const [a, b] = [tokens[i], tokens[i + 1]];
      const alternatives: Alternative[] = [
        { kind: 'all', terms: [stem(a), stem(b)] },
        { kind: 'term', term: stem(a + b), typo: false },
      ];
      groups.push({ text: `${a} ${b}`, alternatives, docs: docsOf(alternatives, vocab) });
      i += 2;
    } else {
      groups.push(keptWordGroup(tokens[i], last, vocab));
      i += 1;
    }
  }
  return groups.filter((g) => g.alternatives.length > 0);
}

/**
 * The queries to try, strictest first, as Meilisearch's `frequency` matching strategy: all
 * groups, then without the group that matches the most documents, and so on down to the
 * rarest group alone. A rare word is never dropped before a common one; a word that matches
 * nothing at all goes first, as it can only keep the others from matching.
 */
export function dropOrder(groups: readonly QueryGroup[]): QueryGroup[][] {
  const weight = (g: QueryGroup) => (g.docs === 0 ? Infinity : g.docs);
  const order = groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => weight(b.g) - weight(a.g) || b.i - a.i)
    .map(({ g }) => g);
  const levels: QueryGroup[][] = [];
  for (let k = 0; k < groups.length; k += 1) {
    const dropped = new Set(order.slice(0, k));
    levels.push(groups.filter((g) => !dropped.has(g)));
  }
  return levels;
}

/** A term's words without function words, as the index holds them. */
const contentWords = (term: readonly string[]) => {
  const kept = term.filter((w) => !isStopWord(w));
  return kept.length > 0 ? kept : term;
};

interface SynonymTerm {
  readonly stems: readonly string[];
  readonly group: readonly (readonly string[])[];
}

/**
 * Synonym terms by the stem of their first word, in file order: worked out once per set of
 * groups (one per content version), not for every query.
 */
const synonymIndexes = new WeakMap<SynonymGroups, ReadonlyMap<string, readonly SynonymTerm[]>>();

function synonymIndex(synonyms: SynonymGroups): ReadonlyMap<string, readonly SynonymTerm[]> {
  let index = synonymIndexes.get(synonyms);
  if (!index) {
    const byFirst = new Map<string, SynonymTerm[]>();
    for (const group of synonyms) {
      for (const term of group.map(contentWords)) {
        const stems = term.map(stem);
        const list = byFirst.get(stems[0]) ?? [];
        list.push({ stems, group });
        byFirst.set(stems[0], list);
      }
    }
    synonymIndexes.set(synonyms, (index = byFirst));
  }
  return index;
}

/** The longest synonym term starting at `i`, with all terms of its group. */
function matchSynonym(tokens: readonly string[], i: number, synonyms: SynonymGroups) {
  let best: { length: number; terms: readonly (readonly string[])[] } | undefined;
  // A word matches a term's word when the two are equal or share a stem.
  for (const { stems, group } of synonymIndex(synonyms).get(stem(tokens[i])) ?? []) {
    const fits = stems.every((s, k) => i + k < tokens.length && stem(tokens[i + k]) === s);
    if (fits && (!best || stems.length > best.length))
      best = { length: stems.length, terms: group };
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
      else if (alt.kind === 'near' && alt.prefix) {
        terms.add(alt.terms[0]);
        prefixes.push(alt.terms[1]);
      } else alt.terms.forEach((t) => terms.add(t));
    }
  }
  return { terms, prefixes };
}
