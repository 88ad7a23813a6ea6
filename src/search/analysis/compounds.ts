import { isStopWord } from './normalize';

const MIN_PART = 4;

/**
 * Splits a Dutch compound into two known words, allowing a linking "s" or "e(n)" after the
 * head: `jeugdzorg` -> [jeugd, zorg], `radicaliseringsproces` -> [radicalisering, proces].
 * Returns undefined when no split into known words exists.
 */
export function splitCompound(
  word: string,
  isKnown: (w: string) => boolean,
): [string, string] | undefined {
  if (word.length < MIN_PART * 2) return undefined;
  for (let i = word.length - MIN_PART; i >= MIN_PART; i -= 1) {
    const tail = word.slice(i);
    if (!isKnown(tail) || isStopWord(tail)) continue;
    const head = word.slice(0, i);
    for (const candidate of [head, head.replace(/s$/, ''), head.replace(/en?$/, '')]) {
      if (candidate.length >= MIN_PART && isKnown(candidate) && !isStopWord(candidate))
        return [candidate, tail];
    }
  }
  return undefined;
}
