import { prefixRange } from '../../lib/sorted';
import { editDistance } from '../analysis/edit-distance';
import type { Vocabulary } from '../analysis/query';
import type { SqliteDb } from './db';

/** The index's terms (from fts5vocab) and corpus words, held in memory between changes. */
export class IndexVocabulary implements Vocabulary {
  private readonly byLength = new Map<number, { term: string; docs: number }[]>();
  /** All terms in code-unit order, for prefix lookups. */
  private readonly sorted: readonly string[];
  /** Documents of the sorted terms before each position, for prefix counts. */
  private readonly docsBefore: Float64Array;

  private constructor(
    private readonly terms: Map<string, number>,
    private readonly corpusWords: Set<string>,
    /** Words of each locale by document frequency, most used first, for completions. */
    private readonly byFrequency: ReadonlyMap<string, readonly string[]>,
  ) {
    for (const [term, docs] of terms) {
      const list = this.byLength.get(term.length) ?? [];
      list.push({ term, docs });
      this.byLength.set(term.length, list);
    }
    this.sorted = [...terms.keys()].sort();
    this.docsBefore = new Float64Array(this.sorted.length + 1);
    this.sorted.forEach((t, i) => (this.docsBefore[i + 1] = this.docsBefore[i] + terms.get(t)!));
  }

  static async load(db: SqliteDb): Promise<IndexVocabulary> {
    const terms = await db.all<{ term: string; doc: number }>(
      'SELECT term, docs AS doc FROM terms',
    );
    const words = await db.all<{ locale: string; word: string }>(
      'SELECT locale, word FROM words ORDER BY df DESC, word',
    );
    const byFrequency = new Map<string, string[]>();
    for (const { locale, word } of words) {
      const list = byFrequency.get(locale) ?? [];
      list.push(word);
      byFrequency.set(locale, list);
    }
    return new IndexVocabulary(
      new Map(terms.map((t) => [t.term, t.doc])),
      new Set(words.map((w) => w.word)),
      byFrequency,
    );
  }

  /** The words of a locale's documents, most used first. */
  wordsByFrequency(locale: string): readonly string[] {
    return this.byFrequency.get(locale) ?? [];
  }

  hasTerm(term: string): boolean {
    return this.terms.has(term);
  }

  hasWord(word: string): boolean {
    return this.corpusWords.has(word);
  }

  docsWith(term: string): number {
    return this.terms.get(term) ?? 0;
  }

  docsWithPrefix(prefix: string): number {
    const [from, to] = prefixRange(this.sorted, prefix);
    return this.docsBefore[to] - this.docsBefore[from];
  }

  /** The index terms starting with `prefix`, or undefined when there are more than `max`. */
  termsWithPrefix(prefix: string, max: number): string[] | undefined {
    const [from, to] = prefixRange(this.sorted, prefix);
    return to - from > max ? undefined : this.sorted.slice(from, to);
  }

  completions(
    prefix: string,
    maxLength: number,
    max: number,
  ): { short: readonly string[] | undefined; longer: number } {
    const [from, to] = prefixRange(this.sorted, prefix);
    const short: string[] = [];
    for (let i = from; i < to; i += 1)
      if (this.sorted[i].length <= maxLength) short.push(this.sorted[i]);
    return { short: short.length > max ? undefined : short, longer: to - from - short.length };
  }

  nearTerms(term: string, maxTypos: number): string[] {
    const found: { term: string; distance: number; docs: number }[] = [];
    for (let len = term.length - maxTypos; len <= term.length + maxTypos; len += 1) {
      for (const candidate of this.byLength.get(len) ?? []) {
        // Typos rarely hit the first letter; requiring it keeps the scan short and precise.
        if (candidate.term[0] !== term[0]) continue;
        const distance = editDistance(term, candidate.term, maxTypos);
        if (distance > 0 && distance <= maxTypos)
          found.push({ term: candidate.term, distance, docs: candidate.docs });
      }
    }
    // Only the closest candidates: a one-letter slip should not also pull in two-letter ones.
    const best = Math.min(...found.map((f) => f.distance));
    return found
      .filter((f) => f.distance === best)
      .sort((a, b) => b.docs - a.docs)
      .map((f) => f.term);
  }
}
