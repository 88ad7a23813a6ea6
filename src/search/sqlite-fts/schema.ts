import type { SqliteDb } from './db';
import { PREFIX_INDEXES } from './match';

/**
 * Layout of the index file. An index written with another layout counts as missing, so
 * start-up rebuilds it; raise this whenever what is written changes.
 */
export const INDEX_FORMAT = 4;

/** Options shared by the FTS5 tables: folded diacritics, prefix indexes, no content copy. */
const FTS_OPTIONS = `tokenize = 'unicode61 remove_diacritics 2', prefix = '${PREFIX_INDEXES.join(' ')}', content = '', contentless_delete = 1`;

/**
 * Field weights for bm25, in column order of the fts table. `parts` holds the parts of the
 * compounds of all fields: a word found only inside a compound counts for little.
 */
export const WEIGHTS = { title: 10, summary: 4, tags: 5, body: 1, extra: 3, parts: 1 } as const;

/** The fts columns of whole words, which compound parts must be found in to count as words. */
export const WORD_COLUMNS = ['title', 'summary', 'tags', 'body', 'extra'] as const;

/**
 * `docs` keeps the original text (for snippets) and facets; `fts` holds the analysed terms
 * (stems and compound parts) of all fields and `fts_title` those of the title alone (the
 * first ranking tier) and `fts_head` those of title, summary and tags (the next tier), all
 * without a content copy. `terms` is a snapshot of the fts5vocab
 * vocabulary taken at write time (reading fts5vocab scans the whole index); `words` counts
 * the surface words of the corpus per locale for compound splitting and completions; `items` holds the
 * hash each item was indexed from, so an update rewrites exactly the items that changed.
 */
export async function createSchema(db: SqliteDb): Promise<void> {
  await db.exec(`
    PRAGMA journal_mode = DELETE;
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS items (item TEXT PRIMARY KEY, hash TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS docs (
      rowid INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, item TEXT NOT NULL,
      type TEXT NOT NULL, slug TEXT NOT NULL, locale TEXT NOT NULL,
      title TEXT NOT NULL, summary TEXT NOT NULL, body TEXT NOT NULL, words TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS docs_item ON docs (item);
    CREATE TABLE IF NOT EXISTS doc_tags (rowid INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (tag, rowid)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS doc_tags_rowid ON doc_tags (rowid);
    CREATE TABLE IF NOT EXISTS words (locale TEXT NOT NULL, word TEXT NOT NULL, df INTEGER NOT NULL, PRIMARY KEY (locale, word)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
    CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
      ${Object.keys(WEIGHTS).join(', ')},
      ${FTS_OPTIONS}
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS fts_title USING fts5(
      title, ${FTS_OPTIONS}
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS fts_head USING fts5(
      title, summary, tags,
      ${FTS_OPTIONS}
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(fts, 'row');
  `);
}
