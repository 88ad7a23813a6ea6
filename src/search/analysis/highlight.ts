import { prefixRange } from '../../lib/sorted';
import { splitCompound } from './compounds';
import { stem, tokenize, type Token } from './normalize';

export interface Matcher {
  readonly terms: ReadonlySet<string>;
  readonly prefixes: readonly string[];
  /** The index's words, for splitting compounds; one function per index (splits are kept per function). */
  readonly hasWord: (word: string) => boolean;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Every run of white space as one space, as snippets show it. */
export const collapseSpace = (text: string) => text.replace(/\s+/g, ' ');

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A word of a text with its position and stem: what highlighting matches against. */
export interface StemmedToken extends Token {
  readonly stem: string;
}

/** The words of a text with their stems; the same for every query, so worth keeping. */
export function stemmedTokens(text: string): StemmedToken[] {
  return tokenize(text).map((t) => ({ ...t, stem: stem(t.word) }));
}

/**
 * A text's tokens indexed by stem, by word (sorted, for prefixes) and by the stems of the parts
 * of its compounds: what a search looks up, so it never walks every token of a long body.
 * Built once per document.
 */
export interface TokenIndex {
  readonly tokens: readonly StemmedToken[];
  readonly byStem: ReadonlyMap<string, readonly number[]>;
  readonly byWord: ReadonlyMap<string, readonly number[]>;
  /** The distinct words, sorted. */
  readonly sortedWords: readonly string[];
  /** Positions of the compounds that have a part with this stem. */
  readonly byPart: ReadonlyMap<string, readonly number[]>;
}

/** Words that may be compounds (splitCompound needs two parts of 4 letters). */
const MIN_COMPOUND = 8;

/**
 * Stems of the parts of compounds, per `isKnown` (the words of one index): the same words
 * recur in many documents, and splitting tries every position.
 */
const splits = new WeakMap<(word: string) => boolean, Map<string, readonly string[]>>();

function partStems(word: string, isKnown: (word: string) => boolean): readonly string[] {
  let known = splits.get(isKnown);
  if (!known) splits.set(isKnown, (known = new Map<string, readonly string[]>()));
  let parts = known.get(word);
  if (!parts) known.set(word, (parts = splitCompound(word, isKnown)?.map(stem) ?? []));
  return parts;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function indexTokens(
  tokens: readonly StemmedToken[],
  isKnown: (word: string) => boolean,
): TokenIndex {
  const byStem = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    push(byStem, t.stem, i);
    push(byWord, t.word, i);
  });
  const sortedWords = [...byWord.keys()].sort();
  const byPart = new Map<string, number[]>();
  for (const word of sortedWords) {
    if (word.length < MIN_COMPOUND) continue;
    for (const part of new Set(partStems(word, isKnown)))
      for (const at of byWord.get(word)!) push(byPart, part, at);
  }
  // In text order, as the other lists are.
  for (const positions of byPart.values()) positions.sort((a, b) => a - b);
  return { tokens, byStem, byWord, sortedWords, byPart };
}

/**
 * Token positions of the text's words that match (by stem, by a prefix, or through a part of
 * a compound), in order, up to `last(first)`: what a window starting at the first match shows.
 */
function matchedPositions(
  index: TokenIndex,
  m: Matcher,
  last: (first: number) => number,
): number[] {
  // Each list is in text order; a word can be in several (by stem, prefix and part at once).
  const lists: (readonly number[])[] = [];
  const add = (at: readonly number[] | undefined) => {
    if (at) lists.push(at);
  };
  for (const term of m.terms) {
    add(index.byStem.get(term));
    add(index.byPart.get(term));
  }
  for (const prefix of m.prefixes) {
    const [from, to] = prefixRange(index.sortedWords, prefix);
    for (let i = from; i < to; i += 1) add(index.byWord.get(index.sortedWords[i]));
  }
  if (lists.length === 0) return [];
  const end = last(Math.min(...lists.map((l) => l[0])));
  const found: number[] = [];
  for (const list of lists)
    for (const p of list) {
      if (p > end) break;
      found.push(p);
    }
  found.sort((a, b) => a - b);
  let kept = 1;
  for (let i = 1; i < found.length; i += 1)
    if (found[i] !== found[kept - 1]) found[kept++] = found[i];
  found.length = kept;
  return found;
}

/**
 * Token positions of the words that match, found by reading the text once: for a text seen
 * once, cheaper than indexing it first. The same matches as matchedPositions.
 */
function scannedPositions(tokens: readonly Token[], m: Matcher): number[] {
  const found: number[] = [];
  tokens.forEach(({ word }, i) => {
    if (
      m.terms.has(stem(word)) ||
      m.prefixes.some((p) => word.startsWith(p)) ||
      (word.length >= MIN_COMPOUND && partStems(word, m.hasWord).some((p) => m.terms.has(p)))
    )
      found.push(i);
  });
  return found;
}

/**
 * The text with matched words wrapped in <mark>, HTML-escaped; for long texts a window of
 * about `window` words around the first match. Undefined when nothing matches. `index` is the
 * text's token index, when the caller keeps one; without it the text is read once. The text's
 * white space is collapsed (collapseSpace) once by the caller, not in every snippet.
 */
export function highlight(
  text: string,
  m: Matcher,
  window = 0,
  index?: TokenIndex,
): string | undefined {
  const tokens = index ? index.tokens : tokenize(text);
  // The window: about a third of it before the first match, and no further than its end.
  const start = (first: number) =>
    window > 0 && tokens.length > window ? Math.max(0, first - Math.floor(window / 3)) : 0;
  const end = (first: number) =>
    window > 0 && tokens.length > window
      ? Math.min(tokens.length - 1, start(first) + window - 1)
      : tokens.length - 1;
  const positions = index ? matchedPositions(index, m, end) : scannedPositions(tokens, m);
  if (positions.length === 0) return undefined;
  const first = positions[0];
  const last = end(first);
  const from = start(first) === 0 ? 0 : tokens[start(first)].start;
  const to = last === tokens.length - 1 ? text.length : tokens[last].end;
  // Words after the window are not shown.
  const hits = positions.filter((p) => p <= last).map((p) => tokens[p]);
  let out = from > 0 ? '… ' : '';
  let pos = from;
  for (const hit of hits) {
    out +=
      escapeHtml(text.slice(pos, hit.start)) +
      '<mark>' +
      escapeHtml(text.slice(hit.start, hit.end)) +
      '</mark>';
    pos = hit.end;
  }
  out += escapeHtml(text.slice(pos, to)) + (to < text.length ? ' …' : '');
  return out.trim();
}
