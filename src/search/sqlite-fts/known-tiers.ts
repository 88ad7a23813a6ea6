import type { SqliteReader } from './db';
import { inScope, TABLE_COLUMNS, type MemoryIndex } from './memory-index';
import { rankedRowidsAtOnce, type Scope, type Tier } from './ranking';
import { WORD_COLUMNS } from './schema';

type Counts = { value: string; count: number }[];

const WORDS = WORD_COLUMNS.map((_, i) => i);
/** As many tags as countByTag gives. */
const TAG_FACETS = 50;

/**
 * A search on an index held in memory: the documents of every tier are known, so the facets
 * are counted here, and SQLite only ranks, in one statement, the tiers that add documents to
 * the page (the others cannot change it: each tier's new documents come after all earlier ones).
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
  const memo = new Map<string, Set<number>>();
  const docsOf = (tier: Tier) =>
    memory.matches(
      tier.groups,
      TABLE_COLUMNS[tier.table],
      tier.wordsOnly ? WORDS : undefined,
      tier.any,
      memo,
    );
  const loosest = docsOf(tiers.at(-1)!);
  const types = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const rowid of loosest) {
    if (inScope(rowid, all.ranges, all.tags, memory.tags)) {
      const type = all.typeRanges.find(({ range: [lo, hi] }) => rowid >= lo && rowid <= hi);
      if (type) types.set(type.type, (types.get(type.type) ?? 0) + 1);
    }
    if (inScope(rowid, scope.ranges, scope.tags, memory.tags))
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
    const asked: { tier: Tier; base: number }[] = [];
    const seen = new Set<number>();
    for (const [i, tier] of tiers.entries()) {
      if (seen.size >= need) break;
      let adds = false;
      for (const rowid of docsOf(tier)) {
        if (seen.has(rowid) || !inScope(rowid, scope.ranges, scope.tags, memory.tags)) continue;
        seen.add(rowid);
        adds = true;
      }
      if (adds) asked.push({ tier, base: (tiers.length - i) * 1000 });
    }
    return rankedRowidsAtOnce(db, asked, scope, need);
  };
  return { byType, byTag, ranked };
}
