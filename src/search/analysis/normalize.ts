import { newStemmer } from 'snowball-stemmers';
import { FUNCTION_WORDS, QUESTION_STARTS } from './function-words';

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

/** Function words of Dutch and English (see function-words.ts): never searched for. */
export const STOP_WORDS: ReadonlySet<string> = FUNCTION_WORDS;

/** Whether a query is put as a question: it starts with a question word or a verb. */
export function isQuestion(query: string): boolean {
  const first = /[\p{L}\p{N}]+/u.exec(normalize(query.slice(0, 100)))?.[0];
  return first !== undefined && QUESTION_STARTS.has(first);
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

const dutch = newStemmer('dutch');

/**
 * Brings together forms the Snowball stemmer leaves apart: a doubled final consonant
 * (herkenn[en] ~ herken), a verb's third person -t (herkent ~ herken[nen], werkt ~ werk[en])
 * and a long vowel in the last syllable (radicaliseer[t] ~ radicaliser[ing], duur ~ dur[e]).
 */
function conflate(s: string): string {
  let out = s;
  if (out.length >= 5 && /[^aeiou]t$/.test(out) && !/(ch|s)t$/.test(out)) out = out.slice(0, -1);
  out = out.replace(/([bcdfgklmnprstvz])\1$/, '$1');
  out = out.replace(/([aeou])\1([^aeiou]+)$/, '$1$2');
  return out;
}
const stemCache = new Map<string, string>();

/** Snowball Dutch stem of a normalised word; digits and very short words stay as they are. */
export function stem(word: string): string {
  if (word.length < 3 || /\d/.test(word)) return word;
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const result = conflate(dutch.stem(word));
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(word, result);
  return result;
}
