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

function matches(token: Token, m: Matcher, termList: readonly string[]): boolean {
  const s = stem(token.word);
  if (m.terms.has(s) || m.prefixes.some((p) => token.word.startsWith(p))) return true;
  // A compound can only match through a part when it contains a query term at all.
  if (token.word.length < 8 || !termList.some((t) => token.word.includes(t))) return false;
  const parts = splitCompound(token.word, m.hasWord);
  return parts !== undefined && parts.some((p) => m.terms.has(stem(p)));
}

/**
 * The text with matched words wrapped in <mark>, HTML-escaped; for long texts a window of
 * about `window` words around the first match. Undefined when nothing matches.
 */
export function highlight(text: string, m: Matcher, window = 0): string | undefined {
  const tokens = tokenize(text);
  const termList = [...m.terms];
  const hits = tokens.filter((t) => matches(t, m, termList));
  if (hits.length === 0) return undefined;
  let from = 0;
  let to = text.length;
  if (window > 0 && tokens.length > window) {
    const first = tokens.indexOf(hits[0]);
    const startToken = Math.max(0, first - Math.floor(window / 3));
    const endToken = Math.min(tokens.length - 1, startToken + window - 1);
    from = startToken === 0 ? 0 : tokens[startToken].start;
    to = endToken === tokens.length - 1 ? text.length : tokens[endToken].end;
  }
  let out = from > 0 ? '… ' : '';
  let pos = from;
  for (const hit of hits) {
    if (hit.start < from || hit.end > to) continue;
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
