import fs from 'node:fs/promises';
import type { ContentType, Locale } from '../../content/common/enums';
import { analyseQuery, matchedBy, type QueryGroup } from '../analysis/query';
import { highlight, type Matcher } from '../analysis/highlight';
import { normalize } from '../analysis/normalize';
import type { SearchDocument } from '../documents';
import {
  SearchUnavailableError,
  type IndexChanges,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
  type StagedChanges,
} from '../search-engine';
import type { SynonymGroups } from '../synonyms';
import { documentWords } from './analyse';
import { SqliteDb, SqlitePool } from './db';
import { matchExpression, withoutTypos } from './match';
import { rangesFor } from './partitions';
import { anyMatch, countByTag, countByType, rankedRowids, type Scope } from './ranking';
import { createSchema, INDEX_FORMAT } from './schema';
import { IndexVocabulary } from './vocabulary';
import { insertDocuments, refreshTerms, removeItems, setFormat, setVersion } from './writer';

/** Read connections per index: independent queries of one search run side by side. */
const READERS = 3;

interface HitRow {
  rowid: number;
  type: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
}

/**
 * The embedded engine: SQLite FTS5 in its own file, with Dutch analysis done in JS. Readers
 * use one connection; writes use a separate one, so staged changes stay invisible until they
 * are committed. A rebuild writes a new file and renames it over the old one; the reader
 * notices the new file and reopens.
 */
export class SqliteFtsEngine implements SearchEngine {
  readonly name = 'sqlite-fts';
  private reader?: { db: SqlitePool; ino: number };
  private vocabulary?: { key: string; vocab: IndexVocabulary };

  constructor(
    private readonly file: string,
    private readonly synonyms: SynonymGroups,
  ) {}

  private async current(): Promise<SqlitePool> {
    const ino = await fs.stat(this.file).then(
      (s) => s.ino,
      () => -1,
    );
    if (this.reader && this.reader.ino === ino) return this.reader.db;
    const stale = this.reader;
    const db = await SqlitePool.open(this.file, READERS, async (c) => {
      await createSchema(c);
      // mmap shares the OS page cache between the connections; each keeps its own page cache too.
      await c.exec(
        'PRAGMA busy_timeout = 5000; PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -32768',
      );
    });
    this.reader = { db, ino: await fs.stat(this.file).then((s) => s.ino) };
    this.vocabulary = undefined;
    await stale?.db.close().catch(() => undefined);
    return db;
  }

  private async vocab(db: SqlitePool): Promise<IndexVocabulary> {
    const row = await db.primary.get<{ data_version: number }>('PRAGMA data_version');
    const key = `${this.reader?.ino}:${row?.data_version}`;
    if (this.vocabulary?.key !== key)
      this.vocabulary = { key, vocab: await IndexVocabulary.load(db.primary) };
    return this.vocabulary.vocab;
  }

  async indexedVersion(): Promise<number | null> {
    const exists = await fs.stat(this.file).then(
      () => true,
      () => false,
    );
    if (!exists) return null;
    const db = await this.current();
    const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM meta');
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    const version = meta.get('content_version');
    // An index in an older layout is treated as missing, so start-up rebuilds it.
    if (version === undefined || meta.get('format') !== String(INDEX_FORMAT)) return null;
    return Number(version);
  }

  async stage(changes: IndexChanges): Promise<StagedChanges> {
    await this.current();
    const db = await SqliteDb.open(this.file);
    await db.exec('PRAGMA busy_timeout = 5000; BEGIN IMMEDIATE');
    try {
      await removeItems(db, [
        ...changes.remove,
        ...changes.upsert.map((d) => `${d.type}:${d.slug}`),
      ]);
      const known = new Set(
        (await db.all<{ word: string }>('SELECT word FROM words')).map((w) => w.word),
      );
      changes.upsert.forEach((d) => documentWords(d).forEach((w) => known.add(w)));
      await insertDocuments(db, changes.upsert, (w) => known.has(w));
      await setVersion(db, changes.contentVersion);
      await refreshTerms(db);
    } catch (error) {
      await db.exec('ROLLBACK').finally(() => db.close());
      throw error;
    }
    return {
      commit: () => db.exec('COMMIT').finally(() => db.close()),
      rollback: () => db.exec('ROLLBACK').finally(() => db.close()),
    };
  }

  async rebuild(documents: readonly SearchDocument[], contentVersion: number): Promise<void> {
    const temp = `${this.file}.rebuild-${process.pid}-${Date.now()}`;
    const db = await SqliteDb.open(temp);
    try {
      await createSchema(db);
      const known = new Set(documents.flatMap(documentWords));
      await db.exec('BEGIN');
      await insertDocuments(db, documents, (w) => known.has(w));
      await setVersion(db, contentVersion);
      await setFormat(db);
      await db.exec(
        "INSERT INTO fts (fts) VALUES ('optimize'); INSERT INTO fts_title (fts_title) VALUES ('optimize'); INSERT INTO fts_head (fts_head) VALUES ('optimize')",
      );
      await refreshTerms(db);
      await db.exec('COMMIT');
      await db.close();
      await fs.rename(temp, this.file);
    } catch (error) {
      await db.close().catch(() => undefined);
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const db = await this.current();
    const vocab = await this.vocab(db);
    let groups = analyseQuery(request.query, vocab, this.synonyms);
    if (groups.length === 0) return { total: 0, hits: [], facets: [] };
    const all: Scope = {
      locale: request.locale,
      ranges: rangesFor(request.locale),
      tags: request.tags ?? [],
    };
    const scope: Scope = { ...all, ranges: rangesFor(request.locale, request.types) };
    // As Meilisearch's default matching strategy: when all words together find nothing, drop
    // words from the end until something matches.
    const expression = (gs: readonly QueryGroup[]) =>
      matchExpression(gs, (prefix, max) => vocab.termsWithPrefix(prefix, max));
    while (groups.length > 1 && !(await anyMatch(db, expression(groups), all)))
      groups = groups.slice(0, -1);
    const full = expression(groups);
    const typos = groups.some((g) => g.alternatives.some((a) => a.kind === 'term' && a.typo));
    const exact = typos ? expression(withoutTypos(groups)) : full;

    const [byType, byTag, ranked] = await Promise.all([
      countByType(db, full, all),
      countByTag(db, full, scope),
      rankedRowids(db, { exact, full, typos }, scope, request.offset + request.limit),
    ]);
    const wanted = request.types?.length ? new Set<string>(request.types) : undefined;
    const total = byType
      .filter((f) => !wanted || wanted.has(f.value))
      .reduce((sum, f) => sum + f.count, 0);
    const page = ranked.slice(request.offset, request.offset + request.limit);
    const rows = page.length
      ? await db.all<HitRow>(
          'SELECT rowid, type, slug, title, summary, body FROM docs WHERE rowid IN (SELECT value FROM json_each(?))',
          [JSON.stringify(page.map((p) => p.rowid))],
        )
      : [];
    const byRowid = new Map(rows.map((r) => [r.rowid, r]));
    const matcher: Matcher = { ...matchedBy(groups), hasWord: (w) => vocab.hasWord(w) };
    return {
      total,
      facets: [
        { field: 'type', values: byType },
        { field: 'tags', values: byTag },
      ],
      hits: page.flatMap(({ rowid, score }) => {
        const r = byRowid.get(rowid);
        if (!r) return [];
        return [
          {
            type: r.type as ContentType,
            slug: r.slug,
            score: Math.round(score * 1000) / 1000,
            highlights: (['title', 'summary', 'body'] as const).flatMap((field) => {
              const snippet = highlight(r[field], matcher, field === 'body' ? 30 : 0);
              return snippet ? [{ field, snippet }] : [];
            }),
          },
        ];
      }),
    };
  }

  async suggest(prefix: string, _locale: Locale, limit: number): Promise<string[]> {
    const db = await this.current();
    const vocab = await this.vocab(db);
    const text = normalize(prefix.slice(0, 200));
    const match = /([\p{L}\p{N}]+)$/u.exec(text);
    if (!match) return [];
    const head = text.slice(0, match.index).replace(/\s+/g, ' ');
    const last = match[1];
    return vocab.wordsByFrequency
      .filter((w) => w.startsWith(last) && w !== last)
      .slice(0, limit)
      .map((w) => `${head}${w}`);
  }

  async health(): Promise<void> {
    try {
      await (await this.current()).get('SELECT count(*) FROM docs');
    } catch (error) {
      throw new SearchUnavailableError('the embedded search index cannot be read', {
        cause: error,
      });
    }
  }

  async close(): Promise<void> {
    await this.reader?.db.close();
    this.reader = undefined;
  }
}
