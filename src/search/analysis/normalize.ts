import { newStemmer } from 'snowball-stemmers';
import { nld } from 'stopword';

/** Lowercase, strip diacritics (geëxtremiseerd -> geextremiseerd), keep letters and digits. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** A word of a text with its position, for highlighting. */
export interface Token {
  readonly word: string; // normalised
  readonly start: number;
  readonly end: number;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    // Most words are plain ASCII; only the others need Unicode normalisation.
    const word = /^[a-zA-Z0-9]*$/.test(match[0]) ? match[0].toLowerCase() : normalize(match[0]);
    if (word) tokens.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

export function words(text: string): string[] {
  return normalize(text).match(WORD) ?? [];
}

// Dutch stop words from the `stopword` package, plus English ones for the English documents.
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...nld.map(normalize),
  ...[
    'the',
    'a',
    'an',
    'of',
    'and',
    'or',
    'to',
    'in',
    'on',
    'for',
    'is',
    'are',
    'be',
    'by',
    'with',
    'what',
    'how',
    'can',
    'do',
  ],
  ...['wat', 'hoe', 'welke', 'wanneer', 'waar', 'wie'],
]);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

const dutch = newStemmer('dutch');
const stemCache = new Map<string, string>();

/** Snowball Dutch stem of a normalised word; digits and very short words stay as they are. */
export function stem(word: string): string {
  if (word.length < 3 || /\d/.test(word)) return word;
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const result = dutch.stem(word);
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(word, result);
  return result;
}
