import type { SqliteReader } from './db';
import type { MemoryIndex } from './memory-index';
import { rankedRowidsAtOnce, type Scope, type Tier } from './ranking';

type Counts = { value: string; count: number }[];

/** As many tags as countByTag gives. */
const TAG_FACETS = 50;

/** Whether a rowid lies in one of the scope's ranges and its document has every tag. */
function inScope(rowid: number, scope: Scope, tagsOf: ReadonlyMap<number, readonly string[]>) {
  if (!scope.ranges.some(([lo, hi]) => rowid >= lo && rowid <= hi)) return false;
  return scope.tags.every((t) => tagsOf.get(rowid)?.includes(t));
}

/**
 * FTS5 scores the phrases of a NEAR group in rows where the group does not match with what
 * its scan left in them, so only tiers without NEAR are scored in memory.
 */
const scoredInMemory = (tier: Tier) =>
  tier.tree.every((ors) => ors.every((op) => op.kind !== 'near'));

/**
 * A search on an index held in memory, with the results the SQLite statements give (ranking.ts):
 * the facets counted over the loosest tier, and tier by tier the best `need` documents by bm25,
 * a later tier only worked out when the earlier ones do not fill the page. Of the tiers that
 * add documents, those with NEAR groups are ranked by SQLite, in one statement.
 */
export function knownTiers(
  memory: MemoryIndex,
  tiers: readonly Tier[],
  all: Scope,
  scope: Scope,
  need: number,
  db: SqliteReader,
): {
  byType: Counts;
  byTag: Counts;
  ranked: () => Promise<{ rowid: number; score: number }[]>;
} {
  const matched = tiers.map((tier) => memory.matches(tier.table, tier.tree, tier.any));
  const types = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const rowid of matched.at(-1)!.keys()) {
    if (inScope(rowid, all, memory.tags)) {
      const type = all.typeRanges.find(({ range: [lo, hi] }) => rowid >= lo && rowid <= hi);
      if (type) types.set(type.type, (types.get(type.type) ?? 0) + 1);
    }
    if (inScope(rowid, scope, memory.tags))
      for (const tag of memory.tags.get(rowid) ?? []) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  const byType = [...types]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const byTag = [...tags]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, TAG_FACETS);
  const ranked = async () => {
    // Which tiers add documents, and in which order, follows from the matches alone.
    const asked: { tier: Tier; base: number; docs: Map<number, (number[] | undefined)[]> }[] = [];
    const covered = new Set<number>();
    for (const [i, tier] of tiers.entries()) {
      if (covered.size >= need) break;
      const docs = new Map([...matched[i]].filter(([rowid]) => inScope(rowid, scope, memory.tags)));
      const before = covered.size;
      for (const rowid of docs.keys()) covered.add(rowid);
      if (covered.size > before) asked.push({ tier, base: (tiers.length - i) * 1000, docs });
    }
    const bySql = asked.filter(({ tier }) => !scoredInMemory(tier));
    const sqlRanks = new Map<Tier, [number, number][]>();
    if (bySql.length > 0) {
      const rows = await rankedRowidsAtOnce(db, bySql, scope, need);
      for (const { tier } of bySql) sqlRanks.set(tier, []);
      for (const r of rows) sqlRanks.get(bySql[r.tier].tier)!.push([r.rowid, r.rank]);
    }
    const out: { rowid: number; score: number }[] = [];
    const seen = new Set<number>();
    for (const { tier, base, docs } of asked) {
      const ranks =
        sqlRanks.get(tier) ??
        [...memory.bm25(tier.table, tier.tree, docs)].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
      for (const [rowid, rank] of ranks) {
        if (out.length >= need) break;
        if (seen.has(rowid)) continue;
        seen.add(rowid);
        out.push({ rowid, score: base - rank });
      }
    }
    return out;
  };
  return { byType, byTag, ranked };
}
