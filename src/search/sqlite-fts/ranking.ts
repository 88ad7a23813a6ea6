import type { SqliteReader as SqliteDb } from './db';
import type { MatchTree } from './match';
import type { Range } from './partitions';
import { WEIGHTS } from './schema';

const RANK = `bm25(fts, ${Object.values(WEIGHTS).join(', ')})`;

export interface Scope {
  readonly ranges: readonly Range[];
  /** Every type's range in the locale, for the type facet. */
  readonly typeRanges: readonly { type: string; range: Range }[];
  readonly tags: readonly string[];
}

/**
 * A rowid range as SQL. The bounds are written as integer literals, not bound: the driver binds
 * numbers beyond 32 bits as floating point, and FTS5 only seeks to integer rowid bounds (with a
 * float it reads every match and leaves the filtering to SQLite).
 */
export function rowidBetween([lo, hi]: Range): string {
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
    throw new Error(`bad rowid range ${lo}-${hi}`);
  return `rowid BETWEEN ${lo} AND ${hi}`;
}

const tagSql = (tags: readonly string[]) =>
  tags.map(() => ' AND rowid IN (SELECT rowid FROM doc_tags WHERE tag = ?)').join('');

interface Ranked {
  readonly rowid: number;
  readonly rank: number;
}

/** Best `limit` matches of `table` in each range, merged by bm25 (lower is better). */
const RANKS = {
  fts: RANK,
  fts_head: `bm25(fts_head, ${WEIGHTS.title}, ${WEIGHTS.summary}, ${WEIGHTS.tags})`,
  fts_title: 'bm25(fts_title)',
};

async function best(
  db: SqliteDb,
  table: keyof typeof RANKS,
  expression: string,
  scope: Scope,
  limit: number,
): Promise<Ranked[]> {
  const rank = RANKS[table];
  const lists = await Promise.all(
    scope.ranges.map((range) =>
      db.all<Ranked>(
        `SELECT rowid, ${rank} AS rank FROM ${table} WHERE ${table} MATCH ? AND ${rowidBetween(range)}${tagSql(scope.tags)}
         ORDER BY rank, rowid LIMIT ?`,
        [expression, ...scope.tags, limit],
      ),
    ),
  );
  return lists.flat().sort((a, b) => a.rank - b.rank || a.rowid - b.rowid);
}

/** One ranking tier: the matches of an expression in one table, best bm25 first. */
export interface Tier {
  readonly table: keyof typeof RANKS;
  readonly expression: string;
  /** What the expression says: these groups of operands, ANDed (or ORed with `any`). */
  readonly tree: MatchTree;
  readonly any: boolean;
}

/**
 * The first `need` results in ranking order: tier by tier, each tier ranking only its own
 * candidates by field-weighted bm25, and a later tier only asked when the earlier ones do not
 * fill the page (so the big set of body matches is rarely ranked at all).
 */
export async function rankedRowids(
  db: SqliteDb,
  tiers: readonly Tier[],
  scope: Scope,
  need: number,
): Promise<{ rowid: number; score: number }[]> {
  const out: { rowid: number; score: number }[] = [];
  const seen = new Set<number>();
  for (const [i, tier] of tiers.entries()) {
    if (out.length >= need) break;
    const base = (tiers.length - i) * 1000;
    for (const r of await best(db, tier.table, tier.expression, scope, need + out.length)) {
      if (out.length >= need) break;
      if (seen.has(r.rowid)) continue;
      seen.add(r.rowid);
      out.push({ rowid: r.rowid, score: base - r.rank });
    }
  }
  return out;
}

/**
 * Exact number of matches per type: one range count per type, each reading only its part of
 * the doclists (type is in the rowid).
 */
export async function countByType(
  db: SqliteDb,
  expression: string,
  scope: Scope,
): Promise<{ value: string; count: number }[]> {
  const ranges = scope.typeRanges;
  const rows = await db.all<{ i: number; n: number }>(
    ranges
      .map(
        ({ range }, i) =>
          `SELECT ${i} AS i, count(*) AS n FROM fts WHERE fts MATCH ? AND ${rowidBetween(range)}${tagSql(scope.tags)}`,
      )
      .join(' UNION ALL '),
    ranges.flatMap(() => [expression, ...scope.tags]),
  );
  return rows
    .filter((r) => r.n > 0)
    .map((r) => ({ value: ranges[r.i].type, count: r.n }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export const TAG_FACET_SAMPLE = 1000;

/** Tag counts over the matches: exact up to TAG_FACET_SAMPLE matches, over that many beyond. */
export async function countByTag(
  db: SqliteDb,
  expression: string,
  scope: Scope,
): Promise<{ value: string; count: number }[]> {
  const sample = scope.ranges
    .map(
      (range) =>
        `SELECT * FROM (SELECT rowid FROM fts WHERE fts MATCH ? AND ${rowidBetween(range)}${tagSql(scope.tags)} LIMIT ${TAG_FACET_SAMPLE})`,
    )
    .join(' UNION ALL ');
  return db.all<{ value: string; count: number }>(
    `SELECT tag AS value, count(*) AS count FROM doc_tags WHERE rowid IN (${sample})
     GROUP BY tag ORDER BY count DESC, tag LIMIT 50`,
    scope.ranges.flatMap(() => [expression, ...scope.tags]),
  );
}
