import type { SqliteReader as SqliteDb } from './db';
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

/**
 * The first `need` results in ranking order, tier by tier as Meilisearch orders them: all
 * words in the title without typos, then in the title with typos, then in title, summary or
 * tags, then everywhere, each by field-weighted bm25. Each tier only ranks its own (small) candidate set; the big set is
 * ranked only when the title tiers do not fill the page.
 */
export async function rankedRowids(
  db: SqliteDb,
  tiers: { readonly exact: string; readonly full: string; readonly typos: boolean },
  scope: Scope,
  need: number,
): Promise<{ rowid: number; score: number }[]> {
  const out: { rowid: number; score: number }[] = [];
  const seen = new Set<number>();
  const take = (rows: Ranked[], base: number) => {
    for (const r of rows) {
      if (out.length >= need) return;
      if (seen.has(r.rowid)) continue;
      seen.add(r.rowid);
      out.push({ rowid: r.rowid, score: base - r.rank });
    }
  };
  take(await best(db, 'fts_title', tiers.exact, scope, need), 2000);
  if (out.length < need && tiers.typos)
    take(await best(db, 'fts_title', tiers.full, scope, need + out.length), 1000);
  // Title, summary and tags before the body: most pages fill here, without ranking every
  // body match.
  if (out.length < need)
    take(await best(db, 'fts_head', tiers.full, scope, need + out.length), 500);
  if (out.length < need) take(await best(db, 'fts', tiers.full, scope, need + out.length), 0);
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

/** Whether anything in the first range matches (cheap: stops at the first hit). */
export async function anyMatch(db: SqliteDb, expression: string, scope: Scope): Promise<boolean> {
  const row = await db.get(
    `SELECT 1 FROM fts WHERE fts MATCH ? AND ${rowidBetween(scope.ranges[0])}${tagSql(scope.tags)} LIMIT 1`,
    [expression, ...scope.tags],
  );
  return row !== undefined;
}
