import { prefixRange } from '../../lib/sorted';
import type { SqliteDb } from './db';
import {
  NEAR_DISTANCE,
  operandText,
  phraseText,
  type MatchTree,
  type Operand,
  type Phrase,
} from './match';
import { WEIGHTS } from './schema';

/** An index this small is also held in memory, positions and all, once per reader. */
export const MEMORY_INDEX_DOCS = 5000;

const COLUMNS = Object.keys(WEIGHTS);
/** Each table's columns (as fts column positions) and bm25 weights, as ranking.ts uses them. */
const TABLES = {
  fts: { columns: [0, 1, 2, 3, 4, 5], weights: Object.values(WEIGHTS) as number[] },
  fts_head: { columns: [0, 1, 2], weights: [WEIGHTS.title, WEIGHTS.summary, WEIGHTS.tags] },
  fts_title: { columns: [0], weights: [1] },
};
export type Table = keyof typeof TABLES;

/** Which documents a tier matches, and each phrase's counted positions in one of them. */
export interface TierMatch {
  readonly docs: ReadonlySet<number>;
  readonly positions: (doc: number) => Positions;
}

/** Documents, as a set or as the keys of a map. */
type DocSet = Pick<ReadonlySet<number>, 'has' | 'size' | 'keys'>;

/** Positions in a document as FTS5 orders them: column * 2^32 + token offset. */
const COLUMN_SPAN = 2 ** 32;
const columnOf = (position: number) => Math.floor(position / COLUMN_SPAN);
const EMPTY: ReadonlyMap<number, readonly number[]> = new Map();

/** Phrases whose document count (for idf) is kept. */
const MAX_KEPT_PHRASES = 100_000;
/** Documents (summed over operands) of the operands kept from earlier searches. */
const MAX_KEPT_MATCHES = 200_000;

/** Values worked out once per operand and table. */
type PerOperand<T> = WeakMap<Operand, Partial<Record<Table, T>>>;

/**
 * An operand's value for a table, worked out on first use: the analysis keeps a word's
 * operands between searches, so what depends only on them is kept with them.
 */
function perOperand<T>(kept: PerOperand<T>, op: Operand, table: Table, make: () => T): T {
  let byTable = kept.get(op);
  if (!byTable) kept.set(op, (byTable = {}));
  return (byTable[table] ??= make());
}

/** bm25 constants of FTS5 (fts5_aux.c). */
const K1 = 1.2;
const B = 0.75;

/** A document matched by an operand, with the positions of each of its phrases that count. */
export type Matched = Map<number, readonly (readonly number[])[]>;

/** The positions of each phrase of a tree (tree order) that count for bm25; undefined: none. */
export type Positions = (readonly number[] | undefined)[];

/** Columns as a bit mask, for testing positions without a search. */
const maskOf = (columns: readonly number[]) => columns.reduce((m, c) => m | (1 << c), 0);

/**
 * The positions of every term of the fts table, read from FTS5 itself (fts5vocab), the number
 * of tokens of every document's columns, and the tags of every document: enough to tell which
 * documents a match expression finds and to score them with bm25 exactly as FTS5 does, so a
 * search needs no SQLite statement at all.
 */
export class MemoryIndex {
  private readonly sorted: readonly string[];
  /** bm25 of one table: documents in it, their lengths, average length, hits of phrases. */
  private readonly stats = new Map<Table, { avgdl: number; length: Map<number, number> }>();
  private readonly phraseHits = new Map<string, number>();

  private constructor(
    /** term -> document -> sorted positions (column * 2^32 + offset). */
    private readonly postings: ReadonlyMap<string, ReadonlyMap<number, readonly number[]>>,
    /** Tokens per column of each document. */
    sizes: ReadonlyMap<number, readonly number[]>,
    readonly tags: ReadonlyMap<number, readonly string[]>,
  ) {
    this.sorted = [...postings.keys()].sort();
    for (const [table, { columns }] of Object.entries(TABLES) as [Table, { columns: number[] }][]) {
      const length = new Map<number, number>();
      let total = 0;
      for (const [doc, size] of sizes) {
        const n = columns.reduce((sum, c) => sum + (size[c] ?? 0), 0);
        length.set(doc, n);
        total += n;
      }
      this.stats.set(table, { avgdl: total / sizes.size, length });
    }
  }

  /** Reads the index into memory; undefined when it holds more than `maxDocs` documents. */
  static async load(db: SqliteDb, maxDocs: number): Promise<MemoryIndex | undefined> {
    const docs = await db.all<{ rowid: number }>('SELECT rowid FROM docs');
    if (docs.length > maxDocs) return undefined;
    // A temporary table lives in the connection, so a read-only file can have it.
    await db.exec(
      'CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_instances USING fts5vocab(main, fts, instance)',
    );
    const rows = await db.all<{ term: string; doc: number; col: string; offset: number }>(
      'SELECT term, doc, col, offset FROM temp.fts_instances',
    );
    const postings = new Map<string, Map<number, number[]>>();
    const sizes = new Map<number, number[]>(docs.map((d) => [d.rowid, COLUMNS.map(() => 0)]));
    for (const { term, doc, col, offset } of rows) {
      let byDoc = postings.get(term);
      if (!byDoc) postings.set(term, (byDoc = new Map<number, number[]>()));
      const column = COLUMNS.indexOf(col);
      const positions = byDoc.get(doc);
      if (positions) positions.push(column * COLUMN_SPAN + offset);
      else byDoc.set(doc, [column * COLUMN_SPAN + offset]);
      const size = sizes.get(doc);
      if (size) size[column] += 1;
    }
    for (const byDoc of postings.values()) for (const p of byDoc.values()) p.sort((a, b) => a - b);
    const tags = new Map<number, string[]>();
    for (const { rowid, tag } of await db.all<{ rowid: number; tag: string }>(
      'SELECT rowid, tag FROM doc_tags ORDER BY rowid, tag',
    )) {
      const list = tags.get(rowid) ?? [];
      list.push(tag);
      tags.set(rowid, list);
    }
    return new MemoryIndex(postings, sizes, tags);
  }

  private withPrefix(prefix: string): string[] {
    return this.sorted.slice(...prefixRange(this.sorted, prefix));
  }

  /** A term's documents and positions in some columns, worked out once per term and columns. */
  private readonly inColumns = new Map<string, ReadonlyMap<number, readonly number[]>>();

  private termIn(term: string, mask: number): ReadonlyMap<number, readonly number[]> {
    const postings = this.postings.get(term);
    if (!postings) return EMPTY;
    const key = `${mask} ${term}`;
    let docs = this.inColumns.get(key);
    if (!docs) {
      const kept = new Map<number, readonly number[]>();
      for (const [doc, positions] of postings) {
        const inMask = positions.filter((p) => mask & (1 << columnOf(p)));
        if (inMask.length) kept.set(doc, inMask.length === positions.length ? positions : inMask);
      }
      this.inColumns.set(key, (docs = kept));
    }
    return docs;
  }

  /** Documents holding a phrase in the columns, with the phrase's (first-word) positions. */
  private phrase(
    { terms, prefix }: Phrase,
    columns: readonly number[],
  ): ReadonlyMap<number, readonly number[]> {
    const mask = maskOf(columns);
    let first: ReadonlyMap<number, readonly number[]>;
    if (!prefix) first = this.termIn(terms[0], mask);
    else {
      const merged = new Map<number, number[]>();
      for (const term of this.withPrefix(terms[0]))
        for (const [doc, positions] of this.termIn(term, mask)) {
          const list = merged.get(doc);
          if (list) list.push(...positions);
          else merged.set(doc, [...positions]);
        }
      for (const p of merged.values()) p.sort((a, b) => a - b);
      first = merged;
    }
    if (terms.length === 1) return first;
    const out = new Map<number, number[]>();
    for (const [doc, starts] of first) {
      const rest = terms.slice(1).map((t) => new Set(this.postings.get(t)?.get(doc) ?? []));
      const kept = starts.filter((p) => rest.every((s, i) => s.has(p + i + 1)));
      if (kept.length) out.set(doc, kept);
    }
    return out;
  }

  private columnsOf(op: Operand, columns: readonly number[]): readonly number[] {
    return op.columns ? columns.filter((c) => op.columns!.includes(COLUMNS[c])) : columns;
  }

  /** Documents an operand matches, with the positions of its phrases that count for bm25. */
  private operand(op: Operand, columns: readonly number[]): Matched {
    const phrases = op.phrases.map((p) => this.phrase(p, this.columnsOf(op, columns)));
    if (phrases.length === 1) return new Map([...phrases[0]].map(([doc, p]) => [doc, [p]]));
    const out: Matched = new Map();
    const [smallest] = [...phrases].sort((a, b) => a.size - b.size);
    for (const doc of smallest.keys()) {
      const lists: (readonly number[])[] = [];
      for (const p of phrases) {
        const list = p.get(doc);
        if (list) lists.push(list);
      }
      if (lists.length < phrases.length) continue;
      const counted = op.kind === 'near' ? nearMatch(lists, op.phrases) : lists;
      if (counted) out.set(doc, counted);
    }
    return out;
  }

  /**
   * Documents a tree matches in a table, with each phrase's counted positions (tree order). The
   * phrases of a NEAR group count only where they are near each other: in a row the group does
   * not match, FTS5 counts what its scan left in them instead (see the memory-index test).
   */
  matches(table: Table, tree: MatchTree, any: boolean): TierMatch {
    const { columns } = TABLES[table];
    const operands = tree.map((ors) => ors.map((op) => this.kept(table, op, columns)));
    const groupDocs: DocSet[] = operands.map((ors) => {
      if (ors.length === 1) return ors[0];
      const union = new Set<number>();
      for (const m of ors) for (const doc of m.keys()) union.add(doc);
      return union;
    });
    const docs = new Set<number>();
    if (any) for (const g of groupDocs) for (const doc of g.keys()) docs.add(doc);
    else {
      const [smallest, ...rest] = [...groupDocs].sort((a, b) => a.size - b.size);
      for (const doc of smallest.keys()) if (rest.every((g) => g.has(doc))) docs.add(doc);
    }
    const positions = (doc: number): Positions => {
      const out: Positions = [];
      operands.forEach((ors, g) =>
        ors.forEach((m, o) => {
          const lists = m.get(doc);
          if (lists) out.push(...lists);
          else for (let i = 0; i < tree[g][o].phrases.length; i += 1) out.push(undefined);
        }),
      );
      return out;
    };
    return { docs, positions };
  }

  /**
   * Operands matched before, by table: the words of a small corpus recur from search to search
   * (and keystroke to keystroke). Emptied when it holds too many documents.
   */
  private readonly matched = new Map<string, Matched>();
  private matchedDocs = 0;
  /** Each operand's key per table. */
  private readonly keys: PerOperand<string> = new WeakMap();

  private kept(table: Table, op: Operand, columns: readonly number[]): Matched {
    const key = perOperand(this.keys, op, table, () => `${table} ${operandText(op)}`);
    let found = this.matched.get(key);
    if (!found) {
      found = this.operand(op, columns);
      if (this.matchedDocs + found.size > MAX_KEPT_MATCHES) {
        this.matched.clear();
        this.matchedDocs = 0;
      }
      this.matched.set(key, found);
      this.matchedDocs += found.size;
    }
    return found;
  }

  /** Documents of the whole table holding a phrase (bm25's idf), once per index. */
  private hits(table: Table, phrase: Phrase, columns: readonly number[]): number {
    const key = `${table}/${columns.join()}/${phraseText(phrase)}`;
    let n = this.phraseHits.get(key);
    if (n === undefined) {
      // Every prefix typed is a phrase of its own: keep a bounded number.
      if (this.phraseHits.size >= MAX_KEPT_PHRASES) this.phraseHits.clear();
      this.phraseHits.set(key, (n = this.phrase(phrase, columns).size));
    }
    return n;
  }

  /** bm25's idf of each phrase of an operand, per table. */
  private readonly idfs: PerOperand<readonly number[]> = new WeakMap();

  private idf(table: Table, op: Operand, rows: number): readonly number[] {
    return perOperand(this.idfs, op, table, () =>
      op.phrases.map((p) => {
        const n = this.hits(table, p, this.columnsOf(op, TABLES[table].columns));
        const value = Math.log((rows - n + 0.5) / (n + 0.5));
        return value <= 0 ? 1e-6 : value;
      }),
    );
  }

  /** FTS5's bm25 (lower is better) of matched documents, as `bm25(table, weights...)`. */
  bm25(
    table: Table,
    tree: MatchTree,
    docs: Iterable<number>,
    positionsOf: (doc: number) => Positions,
  ): Map<number, number> {
    const { columns, weights } = TABLES[table];
    const { avgdl, length } = this.stats.get(table)!;
    const rows = length.size;
    const idf = tree.flatMap((ors) => ors.flatMap((op) => this.idf(table, op, rows)));
    const out = new Map<number, number>();
    for (const doc of docs) {
      const counted = positionsOf(doc);
      const d = length.get(doc) ?? 0;
      let score = 0;
      for (let i = 0; i < idf.length; i += 1) {
        let freq = 0;
        for (const p of counted[i] ?? []) freq += weights[columns.indexOf(columnOf(p))] ?? 1;
        score += idf[i] * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + (B * d) / avgdl)));
      }
      out.set(doc, -1.0 * score);
    }
    return out;
  }
}

/**
 * FTS5's NEAR test (fts5ExprNearIsMatch): whether one position of every phrase lies within
 * NEAR_DISTANCE tokens, and which positions take part, as FTS5 keeps them for bm25.
 */
function nearMatch(
  lists: readonly (readonly number[])[],
  phrases: readonly Phrase[],
): number[][] | undefined {
  const at = lists.map(() => 0);
  const out: number[][] = lists.map(() => []);
  const pos = (i: number) => lists[i][at[i]];
  const ahead = (i: number) => (at[i] + 1 < lists[i].length ? lists[i][at[i] + 1] : Infinity);
  const next = (i: number) => ++at[i] >= lists[i].length;
  for (;;) {
    let max = pos(0);
    let match: boolean;
    do {
      match = true;
      for (let i = 0; i < lists.length; i += 1) {
        const min = max - phrases[i].terms.length - NEAR_DISTANCE;
        if (pos(i) < min || pos(i) > max) {
          match = false;
          while (pos(i) < min) if (next(i)) return out[0].length ? out : undefined;
          if (pos(i) > max) max = pos(i);
        }
      }
    } while (!match);
    for (let i = 0; i < lists.length; i += 1)
      if (out[i].length === 0 || pos(i) !== out[i].at(-1)) out[i].push(pos(i));
    let advance = 0;
    for (let i = 1; i < lists.length; i += 1) if (ahead(i) < ahead(advance)) advance = i;
    if (next(advance)) return out[0].length ? out : undefined;
  }
}
