import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { CONTENT_TYPES } from '../../src/content/registry';
import { analyseQuery, dropOrder } from '../../src/search/analysis/query';
import { isQuestion } from '../../src/search/analysis/normalize';
import { documentsOfItem, documentsTarget } from '../../src/search/documents';
import { SqliteDb } from '../../src/search/sqlite-fts/db';
import { matchTree } from '../../src/search/sqlite-fts/match';
import { MemoryIndex } from '../../src/search/sqlite-fts/memory-index';
import { SqliteFtsEngine } from '../../src/search/sqlite-fts/sqlite-fts.engine';
import { rankingTiers } from '../../src/search/sqlite-fts/tiers';
import { IndexVocabulary } from '../../src/search/sqlite-fts/vocabulary';
import { WEIGHTS } from '../../src/search/sqlite-fts/schema';
import { toSynonymGroups, type SynonymGroups } from '../../src/search/synonyms';
import { RELEVANCE_QUERIES } from './relevance-queries';

// The rank expressions of the ranking statements (ranking.ts).
const RANKS = {
  fts: `bm25(fts, ${Object.values(WEIGHTS).join(', ')})`,
  fts_head: `bm25(fts_head, ${WEIGHTS.title}, ${WEIGHTS.summary}, ${WEIGHTS.tags})`,
  fts_title: 'bm25(fts_title)',
};

// The index held in memory decides which documents a query matches and scores them without
// asking FTS5; on the real content it must decide as FTS5 does for every ranking tier of every
// query, and score with bm25 as FTS5 does.
describe('the in-memory index matches and ranks as FTS5 does', () => {
  let dir: string;
  let db: SqliteDb;
  let memory: MemoryIndex;
  let vocab: IndexVocabulary;
  let synonyms: SynonymGroups;
  let scoredRows = 0;
  let unclearRows = 0;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-mem-'));
    const app = await buildApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), {
      logger: pino({ level: 'silent' }),
    });
    const { snapshot } = app.live.current;
    await app.close();
    synonyms = toSynonymGroups(snapshot.synonyms?.data ?? []);
    const file = path.join(dir, 'memory.sqlite');
    const engine = new SqliteFtsEngine(file);
    await engine.rebuild(
      documentsTarget(snapshot.items.flatMap(documentsOfItem), {
        version: 1,
        synonyms,
        types: CONTENT_TYPES.map((d) => d.type),
      }),
    );
    await engine.close();
    db = await SqliteDb.open(file);
    vocab = await IndexVocabulary.load(db);
    memory = (await MemoryIndex.load(db, Infinity))!;
  });
  afterAll(async () => {
    await db.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  // The relevance cases, plus compounds typed apart, typos, prefixes cut inside words and
  // prefixes with close and far completions.
  const queries = [
    ...RELEVANCE_QUERIES.map((q) => q.query),
    'woningsl',
    'jeugdzorg signalen',
    'radicalsering',
    'exit begeleiding',
    'zorg en veiligheidshuis',
    'persoonsgerichte aan',
    'gebiedsverbod burgemeester',
    'ra',
    'radicali',
    'preven',
    'signalen sluit',
  ];

  it.each(queries)('%s', async (query) => {
    const groups = analyseQuery(query, vocab, synonyms);
    if (groups.length === 0) return;
    const tiers = rankingTiers(
      dropOrder(groups),
      (gs, wordColumns) =>
        matchTree(gs, {
          prefixTerms: (prefix, max) => vocab.termsWithPrefix(prefix, max),
          wordColumns,
        }),
      isQuestion(query),
    );
    for (const tier of tiers) {
      const rank = RANKS[tier.table];
      const rows = await db.all<{ rowid: number; rank: number }>(
        `SELECT rowid, ${rank} AS rank FROM ${tier.table} WHERE ${tier.table} MATCH ? ORDER BY rowid`,
        [tier.expression],
      );
      const matched = memory.matches(tier.table, tier.tree, tier.any);
      const ranks = memory.bm25(tier.table, tier.tree, matched.docs, matched.positions);
      expect({ tier: tier.expression, rowids: [...matched.docs].sort((a, b) => a - b) }).toEqual({
        tier: tier.expression,
        rowids: rows.map((r) => r.rowid),
      });
      // In a row that holds every word of a NEAR group but not near each other, FTS5 counts
      // the group's phrases with what its scan left in them (from this row and earlier ones);
      // the index in memory counts them as not found. Everywhere else the scores agree.
      const unclear = (rowid: number) =>
        tier.tree.some((ors) =>
          ors.some(
            (op) =>
              op.kind === 'near' &&
              !memory.matches(tier.table, [[op]], false).docs.has(rowid) &&
              op.phrases.every((p) =>
                memory.matches('fts', [[{ kind: 'and', phrases: [p] }]], false).docs.has(rowid),
              ),
          ),
        );
      for (const { rowid, rank } of rows) {
        if (unclear(rowid)) {
          unclearRows += 1;
          continue;
        }
        expect({ rowid, score: ranks.get(rowid) }).toEqual({
          rowid,
          score: expect.closeTo(rank, 9),
        });
        scoredRows += 1;
      }
    }
  });

  it('compares the scores of nearly every row', () => {
    expect(scoredRows).toBeGreaterThan(1000);
    expect(unclearRows).toBeLessThan(scoredRows / 5);
  });
});
