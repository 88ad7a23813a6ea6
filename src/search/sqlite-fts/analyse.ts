import { splitCompound } from '../analysis/compounds';
import { isStopWord, stem, words } from '../analysis/normalize';
import type { SearchDocument } from '../documents';

/**
 * Index text of a field: the stems of its words, and apart from them the stems of the parts of
 * its compounds (kept in their own column, so a whole word ranks above a compound part).
 */
export function analyseField(
  text: string,
  isKnown: (word: string) => boolean,
): { words: string; parts: string } {
  const out: string[] = [];
  const parts: string[] = [];
  for (const word of words(text)) {
    if (isStopWord(word)) continue;
    out.push(stem(word));
    const split = word.length >= 8 ? splitCompound(word, isKnown) : undefined;
    if (split) parts.push(...split.map(stem));
  }
  return { words: out.join(' '), parts: parts.join(' ') };
}

/** Distinct surface words of a document (what the `words` table counts). */
export function documentWords(doc: SearchDocument): string[] {
  const text = [doc.title, doc.summary, doc.body, doc.extra, ...doc.tags.map((t) => t.name)].join(
    ' ',
  );
  return [...new Set(words(text).filter((w) => w.length >= 2 && !isStopWord(w)))];
}

/**
 * Values of one fts row, in column order: the whole words of title, summary, tags, body and
 * extra, then the compound parts of all of them (fts_title and fts_head take the first ones).
 */
export function ftsRow(doc: SearchDocument, isKnown: (word: string) => boolean): string[] {
  const fields = [
    doc.title,
    doc.summary,
    doc.tags.map((t) => `${t.name} ${t.slug.replace(/-/g, ' ')}`).join(' '),
    doc.body,
    doc.extra,
  ].map((text) => analyseField(text, isKnown));
  return [...fields.map((f) => f.words), fields.map((f) => f.parts).join(' ')];
}
