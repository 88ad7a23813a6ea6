import { splitCompound } from './compounds';
import { stem, tokenize, type Token } from './normalize';

export interface Matcher {
  readonly terms: ReadonlySet<string>;
  readonly prefixes: readonly string[];
  readonly hasWord: (word: string) => boolean;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
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
 * A text's tokens indexed by stem and by word (sorted, for prefixes), and the compound parts
 * of its long words as searches ask for them: what a search looks up, so it never walks every
 * token of a long body. Built once per document (`isKnown` is the corpus's words, fixed for an
 * index).
 */
export interface TokenIndex {
  readonly tokens: readonly StemmedToken[];
  readonly byStem: ReadonlyMap<string, readonly number[]>;
  readonly byWord: ReadonlyMap<string, readonly number[]>;
  /** The distinct words, sorted. */
  readonly sortedWords: readonly string[];
  /** The distinct words that may be compounds (8 letters or more). */
  readonly longWords: readonly string[];
  /** Stems of the parts of the long words split so far (empty: not a compound). */
  readonly parts: Map<string, readonly string[]>;
  readonly isKnown: (word: string) => boolean;
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
  const longWords = sortedWords.filter((w) => w.length >= 8);
  return { tokens, byStem, byWord, sortedWords, longWords, parts: new Map(), isKnown };
}

/**
 * Token positions of the text's words that match: by stem, by a prefix, or through a part of
 * a compound that contains a query term at all.
 */
function matchedPositions(index: TokenIndex, m: Matcher): number[] {
  const found = new Set<number>();
  const add = (at: readonly number[] | undefined) => at?.forEach((p) => found.add(p));
  for (const term of m.terms) add(index.byStem.get(term));
  for (const prefix of m.prefixes) {
    const words = index.sortedWords;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < words.length && words[i].startsWith(prefix); i += 1)
      add(index.byWord.get(words[i]));
  }
  // A compound can only match through a part when it contains a query term at all.
  const terms = [...m.terms];
  for (const word of index.longWords) {
    if (!terms.some((t) => word.includes(t))) continue;
    let parts = index.parts.get(word);
    if (!parts)
      index.parts.set(word, (parts = splitCompound(word, index.isKnown)?.map(stem) ?? []));
    if (parts.some((p) => m.terms.has(p))) add(index.byWord.get(word));
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * The text with matched words wrapped in <mark>, HTML-escaped; for long texts a window of
 * about `window` words around the first match. Undefined when nothing matches. `tokens` are
 * the text's stemmed tokens, when the caller keeps them; `memo` remembers which words match
 * across the texts of one search.
 */
export function highlight(
  text: string,
  m: Matcher,
  window = 0,
  index: TokenIndex = indexTokens(stemmedTokens(text), m.hasWord),
): string | undefined {
  const { tokens } = index;
  const positions = matchedPositions(index, m);
  if (positions.length === 0) return undefined;
  const first = positions[0];
  let from = 0;
  let to = text.length;
  let last = tokens.length - 1;
  if (window > 0 && tokens.length > window) {
    const startToken = Math.max(0, first - Math.floor(window / 3));
    last = Math.min(tokens.length - 1, startToken + window - 1);
    from = startToken === 0 ? 0 : tokens[startToken].start;
    to = last === tokens.length - 1 ? text.length : tokens[last].end;
  }
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
  return out.replace(/\s+/g, ' ').trim();
}
