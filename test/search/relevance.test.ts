import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { Locale } from '../../src/content/common/enums';
import { RELEVANCE_QUERIES } from './relevance-queries';

// Relevance on the real knowledge base in seed/, with the embedded engine.
describe('search relevance on the real content (embedded engine)', () => {
  let app: App;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-rel-'));
    app = await buildApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), {
      logger: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await app.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it(`reaches MRR >= 0.85 and reports recall@3 over ${RELEVANCE_QUERIES.length} queries`, async () => {
    let reciprocal = 0;
    let recalled = 0;
    const misses: string[] = [];
    for (const { query, expected } of RELEVANCE_QUERIES) {
      const result = await app.live.current.search!.search({
        query,
        locale: Locale.NL,
        limit: 10,
        offset: 0,
      });
      const refs = result.hits.map((h) => `${h.type}:${h.slug}`);
      const rank = refs.findIndex((r) => expected.includes(r)) + 1;
      reciprocal += rank > 0 ? 1 / rank : 0;
      if (rank > 0 && rank <= 3) recalled += 1;
      if (rank !== 1)
        misses.push(`${query} -> rank ${rank || 'none'} (top: ${refs.slice(0, 3).join(', ')})`);
    }
    const mrr = reciprocal / RELEVANCE_QUERIES.length;
    const recallAt3 = recalled / RELEVANCE_QUERIES.length;
    process.stdout.write(
      `relevance: MRR ${mrr.toFixed(3)}, recall@3 ${recallAt3.toFixed(3)}\n${misses.join('\n')}\n`,
    );
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(40);
    expect(mrr).toBeGreaterThanOrEqual(0.85);
    expect(recallAt3).toBeGreaterThanOrEqual(0.9);
  });
});
