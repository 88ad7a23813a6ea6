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

function matches(token: StemmedToken, m: Matcher, termList: readonly string[]): boolean {
  if (m.terms.has(token.stem) || m.prefixes.some((p) => token.word.startsWith(p))) return true;
  // A compound can only match through a part when it contains a query term at all.
  if (token.word.length < 8 || !termList.some((t) => token.word.includes(t))) return false;
  const parts = splitCompound(token.word, m.hasWord);
  return parts !== undefined && parts.some((p) => m.terms.has(stem(p)));
}

/** Whether a word matches, decided once per word for all texts of one search. */
export type MatchMemo = Map<string, boolean>;

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
  tokens: readonly StemmedToken[] = stemmedTokens(text),
  memo: MatchMemo = new Map(),
): string | undefined {
  const termList = [...m.terms];
  const isHit = (token: StemmedToken) => {
    let hit = memo.get(token.word);
    if (hit === undefined) {
      hit = matches(token, m, termList);
      memo.set(token.word, hit);
    }
    return hit;
  };
  const first = tokens.findIndex(isHit);
  if (first < 0) return undefined;
  let from = 0;
  let to = text.length;
  let last = tokens.length - 1;
  if (window > 0 && tokens.length > window) {
    const startToken = Math.max(0, first - Math.floor(window / 3));
    last = Math.min(tokens.length - 1, startToken + window - 1);
    from = startToken === 0 ? 0 : tokens[startToken].start;
    to = last === tokens.length - 1 ? text.length : tokens[last].end;
  }
  // Words before the first match do not match; words after the window are not shown.
  const hits = tokens.slice(first, last + 1).filter(isHit);
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
