import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { documentsOfItem } from '../../src/search/documents';
import { measure, miniSearchRanker, relevanceTable, type Measured } from './relevance-measure';
import { RELEVANCE_QUERIES } from './relevance-queries';

// Relevance on the real knowledge base in seed/: the embedded engine against a plain MiniSearch
// index of the same documents, per kind of query.
describe('search relevance on the real content (embedded engine)', () => {
  let app: App;
  let dataDir: string;
  let engine: Measured;
  let reference: Measured;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-rel-'));
    app = await buildApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), {
      logger: pino({ level: 'silent' }),
    });
    const { snapshot, search } = app.live.current;
    engine = await measure(RELEVANCE_QUERIES, async (query, locale) =>
      (await search!.search({ query, locale, limit: 10, offset: 0 })).hits.map(
        (h) => `${h.type}:${h.slug}`,
      ),
    );
    reference = await measure(
      RELEVANCE_QUERIES,
      miniSearchRanker(snapshot.items.flatMap(documentsOfItem)),
    );
    process.stdout.write(
      `${relevanceTable(engine, reference)}\n\nmisses (embedded):\n${engine.misses.join('\n')}\n\nmisses (MiniSearch):\n${reference.misses.join('\n')}\n`,
    );
  });
  afterAll(async () => {
    await app.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('has at least 80 cases in every category', () => {
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(80);
    expect([...engine.byCategory.keys()].sort()).toEqual([
      'english',
      'keywords',
      'questions',
      'type-ahead',
    ]);
  });

  it('reaches MRR >= 0.85 and recall@3 >= 0.9 over the whole set', () => {
    expect(engine.overall.mrr).toBeGreaterThanOrEqual(0.85);
    expect(engine.overall.recallAt3).toBeGreaterThanOrEqual(0.9);
  });

  it.each(['keywords', 'questions', 'type-ahead', 'english'] as const)(
    'ranks %s at least as well as MiniSearch (MRR)',
    (category) => {
      expect(engine.byCategory.get(category)!.mrr).toBeGreaterThanOrEqual(
        reference.byCategory.get(category)!.mrr,
      );
    },
  );
});
