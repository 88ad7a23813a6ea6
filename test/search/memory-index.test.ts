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
import { matchExpression } from '../../src/search/sqlite-fts/match';
import { MemoryIndex, TABLE_COLUMNS } from '../../src/search/sqlite-fts/memory-index';
import { SqliteFtsEngine } from '../../src/search/sqlite-fts/sqlite-fts.engine';
import { rankingTiers } from '../../src/search/sqlite-fts/tiers';
import { IndexVocabulary } from '../../src/search/sqlite-fts/vocabulary';
import { WORD_COLUMNS } from '../../src/search/sqlite-fts/schema';
import { toSynonymGroups, type SynonymGroups } from '../../src/search/synonyms';
import { RELEVANCE_QUERIES } from './relevance-queries';

// The index held in memory decides which documents a query matches without asking FTS5; on
// the real content it must decide exactly as FTS5 does, for every ranking tier of every query.
describe('the in-memory index matches what FTS5 matches', () => {
  let dir: string;
  let db: SqliteDb;
  let memory: MemoryIndex;
  let vocab: IndexVocabulary;
  let synonyms: SynonymGroups;

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

  // The relevance cases, plus compounds typed apart, typos and prefixes cut inside words.
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
  ];

  it.each(queries)('%s', async (query) => {
    const groups = analyseQuery(query, vocab, synonyms);
    if (groups.length === 0) return;
    const tiers = rankingTiers(
      dropOrder(groups),
      (gs, wordColumns) =>
        matchExpression(gs, {
          prefixTerms: (prefix, max) => vocab.termsWithPrefix(prefix, max),
          wordColumns,
        }),
      isQuestion(query),
    );
    for (const tier of tiers) {
      const rows = await db.all<{ rowid: number }>(
        `SELECT rowid FROM ${tier.table} WHERE ${tier.table} MATCH ? ORDER BY rowid`,
        [tier.expression],
      );
      const words = tier.wordsOnly ? WORD_COLUMNS.map((_, i) => i) : undefined;
      const found = memory.matches(tier.groups, TABLE_COLUMNS[tier.table], words, tier.any);
      expect({ tier: tier.expression, rowids: [...found].sort((a, b) => a - b) }).toEqual({
        tier: tier.expression,
        rowids: rows.map((r) => r.rowid),
      });
    }
  });
});
