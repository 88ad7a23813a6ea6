import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Locale } from '../../src/content/common/enums';
import { CONTENT_TYPES, ContentType } from '../../src/content/registry';
import { documentsTarget } from '../../src/search/documents';
import { SearchUnavailableError } from '../../src/search/search-engine';
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
const TYPES = CONTENT_TYPES.map((d) => d.type);
const TARGET = documentsTarget([DOC], { version: 3, synonyms: [], types: TYPES });

describe('embedded index file', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-fts-file-'));
    file = path.join(dir, 'search.sqlite');
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  const hits = async (engine: SqliteFtsEngine) => {
    const reader = await engine.open(TARGET);
    const result = await reader.search({
      query: 'signalen',
      locale: Locale.NL,
      limit: 5,
      offset: 0,
    });
    await reader.close();
    return result.hits.map((h) => h.slug);
  };

  it('closes a reader after the searches it is answering, and refuses later ones', async () => {
    const engine = new SqliteFtsEngine(file);
    const reader = await engine.open(TARGET);
    const request = { query: 'radicalisering wijk', locale: Locale.NL, limit: 5, offset: 0 };
    const running = reader.search(request);
    const closed = reader.close();
    expect((await running).hits.map((h) => h.slug)).toEqual(['signalen']);
    await closed;
    await expect(reader.search({ ...request, query: 'signalen' })).rejects.toThrow(
      SearchUnavailableError,
    );
    await engine.close();
  });

  it('rebuilds an index written in an older layout', async () => {
    const engine = new SqliteFtsEngine(file);
    await (await engine.rebuild(TARGET)).close();
    await engine.close();
    // What an index written by an earlier release records of itself.
    const raw = await SqliteDb.open(file);
    await raw.run("UPDATE meta SET value = '2' WHERE key = 'format'");
    await raw.close();
    const before = (await fs.stat(file)).ino;
    const reopened = new SqliteFtsEngine(file);
    expect(await hits(reopened)).toEqual(['signalen']);
    expect((await fs.stat(file)).ino).not.toBe(before);
    await reopened.close();
  });

  it('rebuilds an index whose bytes no longer match its checksum, and one without checksum', async () => {
    const engine = new SqliteFtsEngine(file);
    await (await engine.rebuild(TARGET)).close();
    await engine.close();
    const handle = await fs.open(file, 'r+');
    const { size } = await handle.stat();
    await handle.write(Buffer.alloc(64, 0x5a), 0, 64, Math.floor(size / 2));
    await handle.close();
    const damaged = (await fs.stat(file)).ino;
    const reopened = new SqliteFtsEngine(file);
    expect(await hits(reopened)).toEqual(['signalen']);
    expect((await fs.stat(file)).ino).not.toBe(damaged);
    await reopened.close();

    await fs.rm(`${file}.sum`);
    const unverifiable = (await fs.stat(file)).ino;
    const third = new SqliteFtsEngine(file);
    expect(await hits(third)).toEqual(['signalen']);
    expect((await fs.stat(file)).ino).not.toBe(unverifiable);
    await third.close();
  });
});

// The word being typed: a document where more of the word is typed ranks first, in each tier,
// even when bm25 alone would put the longer completion first (shorter title, word repeated).
describe.each([
  { path: 'index in memory', memoryIndexDocs: undefined },
  { path: 'index not in memory', memoryIndexDocs: 0 },
])('completions ranked by how much of the word is typed ($path)', ({ memoryIndexDocs }) => {
  const doc = (slug: string, title: string, body = '') => ({
    ...DOC,
    id: `GUIDANCE:${slug}:nl`,
    slug,
    title,
    summary: '',
    body,
  });
  const docs = [
    doc('bevoegdheid', 'Sluitingsbevoegdheid', 'Sluitingsbevoegdheid, sluitingsbevoegdheden.'),
    doc('sluiting', 'De sluiting van een pand bij ernstige overlast in de buurt'),
    doc('woningen-bevoegdheid', 'Woningen: sluitingsbevoegdheden'),
    doc('woningen', 'Sluiting van woningen bij ernstige overlast in de buurt'),
    doc('body', 'Overlast', 'Over de sluiting van een pand, ook als het een woning is.'),
  ];
  let dir: string;
  let engine: SqliteFtsEngine;
  let slugs: (query: string) => Promise<string[]>;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-fts-typed-'));
    engine = new SqliteFtsEngine(path.join(dir, 'search.sqlite'), { memoryIndexDocs });
    const reader = await engine.rebuild(
      documentsTarget(docs, { version: 1, synonyms: [], types: TYPES }),
    );
    slugs = async (query) =>
      (await reader.search({ query, locale: Locale.NL, limit: 10, offset: 0 })).hits.map(
        (h) => h.slug,
      );
  });
  afterAll(async () => {
    await engine.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('puts a completion of which at least half is typed first', async () => {
    // "sluit": sluiting (stem sluit) is close, sluitingsbevoegdheid is not.
    expect(await slugs('sluit')).toEqual([
      'sluiting',
      'woningen',
      'bevoegdheid',
      'woningen-bevoegdheid',
      'body',
    ]);
  });

  it('ranks by bm25 alone once every completion is close', async () => {
    expect((await slugs('sluitingsbevoeg')).slice(0, 2)).toEqual([
      'bevoegdheid',
      'woningen-bevoegdheid',
    ]);
  });

  it('measures a compound whose tail is being typed by the whole word', async () => {
    // woningsl: woning + sluiting (8 of 11 letters typed) before woning + sluitingsbevoegdheden.
    expect((await slugs('woningsl')).slice(0, 2)).toEqual(['woningen', 'woningen-bevoegdheid']);
  });
});
