import MiniSearch from 'minisearch';
import { Locale } from '../../src/content/common/enums';
import type { SearchDocument } from '../../src/search/documents';
import type { RelevanceCase, RelevanceCategory } from './relevance-queries';

/** Ranked item refs (`<TYPE>:<slug>`) for a query, best first. */
export type Ranker = (query: string, locale: Locale) => Promise<readonly string[]>;

export interface Scores {
  readonly cases: number;
  readonly mrr: number;
  readonly recallAt3: number;
}

export interface Measured {
  readonly overall: Scores;
  readonly byCategory: ReadonlyMap<RelevanceCategory, Scores>;
  /** Cases whose first expected item is not first, with what came first instead. */
  readonly misses: readonly string[];
}

const scores = (ranks: readonly number[]): Scores => ({
  cases: ranks.length,
  mrr: ranks.reduce((s, r) => s + (r > 0 ? 1 / r : 0), 0) / ranks.length,
  recallAt3: ranks.filter((r) => r > 0 && r <= 3).length / ranks.length,
});

/** MRR and recall@3 of the first expected item within the top ten, overall and per category. */
export async function measure(cases: readonly RelevanceCase[], rank: Ranker): Promise<Measured> {
  const ranks = new Map<RelevanceCategory, number[]>();
  const misses: string[] = [];
  for (const c of cases) {
    const refs = (await rank(c.query, c.locale ?? Locale.NL)).slice(0, 10);
    const r = refs.findIndex((ref) => c.expected.includes(ref)) + 1;
    ranks.set(c.category, [...(ranks.get(c.category) ?? []), r]);
    if (r !== 1)
      misses.push(`${c.query} -> rank ${r || 'none'} (top: ${refs.slice(0, 3).join(', ')})`);
  }
  return {
    overall: scores([...ranks.values()].flat()),
    byCategory: new Map([...ranks].map(([category, rs]) => [category, scores(rs)])),
    misses,
  };
}

/**
 * The reference: a plain MiniSearch index per locale with no Dutch analysis at all (words ORed,
 * prefix search, fuzzy 0.2, title boosted 4, summary and tags 2).
 */
export function miniSearchRanker(documents: readonly SearchDocument[]): Ranker {
  const byLocale = new Map<Locale, MiniSearch>();
  for (const locale of [Locale.NL, Locale.EN]) {
    const mini = new MiniSearch({
      fields: ['title', 'summary', 'tags', 'body', 'extra'],
      storeFields: ['ref'],
      searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 4, summary: 2, tags: 2 } },
    });
    mini.addAll(
      documents
        .filter((d) => d.locale === locale)
        .map((d) => ({
          id: d.id,
          ref: `${d.type}:${d.slug}`,
          title: d.title,
          summary: d.summary,
          tags: d.tags.map((t) => t.name).join(' '),
          body: d.body,
          extra: d.extra,
        })),
    );
    byLocale.set(locale, mini);
  }
  return (query, locale) =>
    Promise.resolve(
      byLocale
        .get(locale)!
        .search(query)
        .map((r) => r.ref as string),
    );
}

const pct = (v: number) => v.toFixed(2);

/** A Markdown table of both engines per category. */
export function relevanceTable(engine: Measured, reference: Measured): string {
  const rows = [...engine.byCategory.keys()].map((category) => {
    const e = engine.byCategory.get(category)!;
    const r = reference.byCategory.get(category)!;
    return `| ${category} | ${e.cases} | ${pct(e.mrr)} | ${pct(e.recallAt3)} | ${pct(r.mrr)} | ${pct(r.recallAt3)} |`;
  });
  const e = engine.overall;
  const r = reference.overall;
  return [
    '| category | cases | MRR | recall@3 | MiniSearch MRR | MiniSearch recall@3 |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    `| all | ${e.cases} | ${pct(e.mrr)} | ${pct(e.recallAt3)} | ${pct(r.mrr)} | ${pct(r.recallAt3)} |`,
  ].join('\n');
}
