import type { MemoryIndex, TierMatch } from './memory-index';
import type { Scope, Tier } from './ranking';

type Counts = { value: string; count: number }[];

/** As many tags as countByTag gives. */
const TAG_FACETS = 50;

/** Whether a rowid lies in one of the scope's ranges and its document has every tag. */
function inScope(rowid: number, scope: Scope, tagsOf: ReadonlyMap<number, readonly string[]>) {
  if (!scope.ranges.some(([lo, hi]) => rowid >= lo && rowid <= hi)) return false;
  return scope.tags.every((t) => tagsOf.get(rowid)?.includes(t));
}

/**
 * A search on an index held in memory, with the results the SQLite statements give (ranking.ts):
 * the facets counted over the loosest tier, and tier by tier the best `need` documents by bm25,
 * a later tier only worked out when the earlier ones do not fill the page. No statement runs.
 */
export function knownTiers(
  memory: MemoryIndex,
  tiers: readonly Tier[],
  all: Scope,
  scope: Scope,
  need: number,
): { byType: Counts; byTag: Counts; ranked: () => { rowid: number; score: number }[] } {
  const matched = new Map<number, TierMatch>();
  const matchesOf = (i: number) => {
    let docs = matched.get(i);
    if (!docs) matched.set(i, (docs = memory.matches(tiers[i].table, tiers[i].tree, tiers[i].any)));
    return docs;
  };
  const types = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const rowid of matchesOf(tiers.length - 1).docs) {
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
  const ranked = () => {
    const out: { rowid: number; score: number }[] = [];
    const seen = new Set<number>();
    for (const [i, { table, tree }] of tiers.entries()) {
      if (out.length >= need) break;
      const tier = matchesOf(i);
      const docs: number[] = [];
      for (const rowid of tier.docs)
        if (!seen.has(rowid) && inScope(rowid, scope, memory.tags)) docs.push(rowid);
      if (docs.length === 0) continue;
      const base = (tiers.length - i) * 1000;
      const ranks = [...memory.bm25(table, tree, docs, tier.positions)].sort(
        (a, b) => a[1] - b[1] || a[0] - b[0],
      );
      for (const [rowid, rank] of ranks) {
        if (out.length >= need) break;
        seen.add(rowid);
        out.push({ rowid, score: base - rank });
      }
    }
    return out;
  };
  return { byType, byTag, ranked };
}
