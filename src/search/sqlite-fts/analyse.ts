import { splitCompound } from '../analysis/compounds';
import { isStopWord, stem, words } from '../analysis/normalize';
import type { SearchDocument } from '../documents';

/** Index text of a field: stems of its words plus the stems of compound parts. */
export function analyseField(text: string, isKnown: (word: string) => boolean): string {
  const out: string[] = [];
  for (const word of words(text)) {
    if (isStopWord(word)) continue;
    out.push(stem(word));
    const parts = word.length >= 8 ? splitCompound(word, isKnown) : undefined;
    if (parts) out.push(...parts.map(stem));
  }
  return out.join(' ');
}

/** Distinct surface words of a document (what the `words` table counts). */
export function documentWords(doc: SearchDocument): string[] {
  const text = [doc.title, doc.summary, doc.body, doc.extra, ...doc.tags.map((t) => t.name)].join(
    ' ',
  );
  return [...new Set(words(text).filter((w) => w.length >= 2 && !isStopWord(w)))];
}

/** Values of one fts row, in column order (title first; fts_title indexes it alone). */
export function ftsRow(doc: SearchDocument, isKnown: (word: string) => boolean): string[] {
  return [
    analyseField(doc.title, isKnown),
    analyseField(doc.summary, isKnown),
    analyseField(doc.tags.map((t) => `${t.name} ${t.slug.replace(/-/g, ' ')}`).join(' '), isKnown),
    analyseField(doc.body, isKnown),
    analyseField(doc.extra, isKnown),
  ];
}
