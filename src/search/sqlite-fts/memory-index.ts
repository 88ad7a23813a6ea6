import type { Alternative, QueryGroup } from '../analysis/query';
import type { SqliteDb } from './db';
import type { Range } from './partitions';
import { WEIGHTS } from './schema';

/** An index this small is also held in memory, positions and all, once per reader. */
export const MEMORY_INDEX_DOCS = 5000;

const COLUMNS = Object.keys(WEIGHTS);
/** Columns of each table, as positions in the fts table. */
export const TABLE_COLUMNS = {
  fts: COLUMNS.map((_, i) => i),
  fts_head: [0, 1, 2],
  fts_title: [0],
} as const;

/** Token positions of one term in one document, per fts column. */
type Positions = (number[] | undefined)[];

/** Parts of a compound written apart are at most this many words from each other (match.ts). */
const NEAR_DISTANCE = 3;

/**
 * The positions of every term of the fts table, read from FTS5 itself (fts5vocab), and the
 * tags of every document: enough to tell exactly which documents a query matches, and so to
 * count facets and skip ranking tiers that add nothing, without asking SQLite.
 */
export class MemoryIndex {
  private readonly sorted: readonly string[];

  private constructor(
    private readonly postings: ReadonlyMap<string, ReadonlyMap<number, Positions>>,
    readonly tags: ReadonlyMap<number, readonly string[]>,
  ) {
    this.sorted = [...postings.keys()].sort();
  }

  /** Reads the index into memory; undefined when it holds more than `maxDocs` documents. */
  static async load(db: SqliteDb, maxDocs: number): Promise<MemoryIndex | undefined> {
    const count = await db.get<{ n: number }>('SELECT count(*) AS n FROM docs');
    if (!count || count.n > maxDocs) return undefined;
    // A temporary table lives in the connection, so a read-only file can have it.
    await db.exec(
      'CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_instances USING fts5vocab(main, fts, instance)',
    );
    const rows = await db.all<{ term: string; doc: number; col: string; offset: number }>(
      'SELECT term, doc, col, offset FROM temp.fts_instances',
    );
    const postings = new Map<string, Map<number, Positions>>();
    for (const { term, doc, col, offset } of rows) {
      let byDoc = postings.get(term);
      if (!byDoc) postings.set(term, (byDoc = new Map<number, Positions>()));
      let positions = byDoc.get(doc);
      if (!positions) byDoc.set(doc, (positions = []));
      (positions[COLUMNS.indexOf(col)] ??= []).push(offset);
    }
    for (const byDoc of postings.values())
      for (const positions of byDoc.values()) for (const p of positions) p?.sort((a, b) => a - b);
    const tags = new Map<number, string[]>();
    for (const { rowid, tag } of await db.all<{ rowid: number; tag: string }>(
      'SELECT rowid, tag FROM doc_tags ORDER BY rowid, tag',
    )) {
      const list = tags.get(rowid) ?? [];
      list.push(tag);
      tags.set(rowid, list);
    }
    return new MemoryIndex(postings, tags);
  }

  /** Documents whose columns `cols` hold the term (a prefix: any term starting with it). */
  private docsOf(term: string, cols: readonly number[], prefix = false): Set<number> {
    const out = new Set<number>();
    const terms = prefix ? this.withPrefix(term) : [term];
    for (const t of terms)
      for (const [doc, positions] of this.postings.get(t) ?? [])
        if (cols.some((c) => positions[c])) out.add(doc);
    return out;
  }

  private withPrefix(prefix: string): string[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i].startsWith(prefix); i += 1)
      out.push(this.sorted[i]);
    return out;
  }

  /** Positions of a term (or of all terms with a prefix) in one column of one document. */
  private positionsIn(term: string, prefix: boolean, doc: number, col: number): number[] {
    const terms = prefix ? this.withPrefix(term) : [term];
    return terms.flatMap((t) => this.postings.get(t)?.get(doc)?.[col] ?? []);
  }

  private alternative(alt: Alternative, cols: readonly number[], words: readonly number[]) {
    switch (alt.kind) {
      case 'term':
        return this.docsOf(alt.term, cols);
      case 'prefix':
        return this.docsOf(alt.prefix, cols, true);
      case 'all':
        return intersect(alt.terms.map((t) => this.docsOf(t, cols)));
      case 'near':
      case 'phrase': {
        const last = alt.terms.length - 1;
        const prefixAt = (i: number) => alt.kind === 'near' && !!alt.prefix && i === last;
        const within = alt.kind === 'near' ? cols.filter((c) => words.includes(c)) : cols;
        const candidates = intersect(alt.terms.map((t, i) => this.docsOf(t, within, prefixAt(i))));
        const out = new Set<number>();
        for (const doc of candidates) {
          const hit = within.some((col) => {
            const lists = alt.terms.map((t, i) => this.positionsIn(t, prefixAt(i), doc, col));
            return alt.kind === 'near' ? isNear(lists) : isPhrase(lists);
          });
          if (hit) out.add(doc);
        }
        return out;
      }
    }
  }

  /**
   * Documents that FTS5 matches for the groups (ANDed; or ORed with `any`) in a table's
   * columns; `words` are the columns a compound's parts must be found in as words.
   */
  matches(
    groups: readonly QueryGroup[],
    cols: readonly number[],
    words: readonly number[] = cols,
    any = false,
    /** Documents of groups already worked out in this search (tiers share groups). */
    memo = new Map<string, Set<number>>(),
  ): Set<number> {
    const sets = groups.map((g) => {
      const key = `${cols.join()}/${words.join()}/${JSON.stringify(g.alternatives)}`;
      let out = memo.get(key);
      if (!out) {
        out = new Set<number>();
        for (const alt of g.alternatives)
          for (const doc of this.alternative(alt, cols, words)) out.add(doc);
        memo.set(key, out);
      }
      return out;
    });
    return any ? union(sets) : intersect(sets);
  }
}

function union(sets: readonly Set<number>[]): Set<number> {
  const out = new Set<number>();
  for (const s of sets) for (const d of s) out.add(d);
  return out;
}

function intersect(sets: readonly Set<number>[]): Set<number> {
  if (sets.length === 0) return new Set();
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...smallest].filter((d) => rest.every((s) => s.has(d))));
}

/** Consecutive positions, one per term, in term order. */
function isPhrase(lists: readonly number[][]): boolean {
  const rest = lists.slice(1).map((l) => new Set(l));
  return lists[0].some((p) => rest.every((s, i) => s.has(p + i + 1)));
}

/** One position per term (each a one-token phrase) with at most NEAR_DISTANCE tokens between. */
function isNear(lists: readonly number[][]): boolean {
  // For each choice of the first position, the closest position of every other list must fit.
  for (const start of lists.flat()) {
    let lo = start;
    let hi = start;
    const fits = lists.every((l) => {
      const best = l.find((p) => p >= start && p - start <= NEAR_DISTANCE + 1);
      if (best === undefined) return false;
      lo = Math.min(lo, best);
      hi = Math.max(hi, best);
      return true;
    });
    if (fits && hi - lo - 1 <= NEAR_DISTANCE) return true;
  }
  return false;
}

/** Whether a rowid lies in one of the ranges and its document has every tag. */
export function inScope(
  rowid: number,
  ranges: readonly Range[],
  tags: readonly string[],
  tagsOf: ReadonlyMap<number, readonly string[]>,
): boolean {
  if (!ranges.some(([lo, hi]) => rowid >= lo && rowid <= hi)) return false;
  return tags.every((t) => tagsOf.get(rowid)?.includes(t));
}
