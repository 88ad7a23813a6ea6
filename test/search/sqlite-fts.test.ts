import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ContentType, Locale } from '../../src/content/common/enums';
import { SqliteDb } from '../../src/search/sqlite-fts/db';
import { SqliteFtsEngine } from '../../src/search/sqlite-fts/sqlite-fts.engine';

const DOC = {
  id: 'GUIDANCE:signalen:nl',
  type: ContentType.GUIDANCE,
  slug: 'signalen',
  locale: Locale.NL,
  title: 'Signalen herkennen',
  summary: 'Waar let je op?',
  body: 'Signalen van radicalisering in de wijk.',
  tags: [],
  extra: '',
};

describe('embedded index file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-fts-file-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('treats an index written in an older layout as missing, so start-up rebuilds it', async () => {
    const file = path.join(dir, 'search.sqlite');
    const engine = new SqliteFtsEngine(file, []);
    await engine.rebuild([DOC], 3);
    expect(await engine.indexedVersion()).toBe(3);
    await engine.close();

    const raw = await SqliteDb.open(file);
    await raw.run("DELETE FROM meta WHERE key = 'format'");
    await raw.close();
    const reopened = new SqliteFtsEngine(file, []);
    expect(await reopened.indexedVersion()).toBeNull();
    await reopened.rebuild([DOC], 3);
    expect(await reopened.indexedVersion()).toBe(3);
    const result = await reopened.search({
      query: 'signalen',
      locale: Locale.NL,
      limit: 5,
      offset: 0,
    });
    expect(result.hits.map((h) => h.slug)).toEqual(['signalen']);
    await reopened.close();
  });
});
