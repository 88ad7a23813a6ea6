import fs from 'node:fs/promises';
import {
  SearchUnavailableError,
  type IndexState,
  type IndexTarget,
  type SearchEngine,
  type SearchReader,
} from '../search-engine';
import { documentWords } from './analyse';
import { SqliteDb, SqlitePool } from './db';
import {
  checksumOf,
  install,
  readChecksum,
  removeStaleTemps,
  sameSignature,
  signatureOf,
  tempPath,
  withWriteLock,
  type FileSignature,
} from './index-file';
import { MEMORY_INDEX_DOCS } from './memory-index';
import { Partitions } from './partitions';
import { createSchema, INDEX_FORMAT } from './schema';
import { SqliteFtsReader } from './sqlite-fts.reader';
import { IndexVocabulary } from './vocabulary';
import {
  insertDocuments,
  itemChanges,
  readMeta,
  refreshTerms,
  removeItems,
  writeMeta,
} from './writer';

/** Read connections per reader: independent queries of one search run side by side. */
const READERS = 3;

/** Why the file on disk cannot serve a target as it is. */
type Unfit = 'missing' | 'damaged' | 'other-layout' | 'other-content';

/**
 * The embedded engine: SQLite FTS5 in its own file, with Dutch analysis done in JS. The file
 * is only ever replaced whole (see index-file.ts), so a reader sees one content version from
 * open to close, and an index that does not match its checksum is never served.
 */
export class SqliteFtsEngine implements SearchEngine {
  readonly name = 'sqlite-fts';
  /** The file state this process last wrote or verified, so it is not hashed again. */
  private trusted?: FileSignature;
  private readonly readers = new Set<SqliteFtsReader>();

  constructor(
    private readonly file: string,
    private readonly options: {
      /** Indexes of at most this many documents are also held in memory (MemoryIndex). */
      memoryIndexDocs?: number;
    } = {},
  ) {}

  async open(target: IndexTarget): Promise<SearchReader> {
    const found = await this.tryOpen(target);
    if (found instanceof SqliteFtsReader) return found;
    return this.write(target, 'sync');
  }

  rebuild(target: IndexTarget): Promise<SearchReader> {
    return this.write(target, 'rebuild');
  }

  /**
   * The file on disk opened for `target` when it holds exactly that; else why not. A sound
   * index of another layout was written by another release sharing the folder, and counts as
   * other content: rewriting it would only make that release rewrite it back.
   */
  async adopt(target: IndexTarget): Promise<SearchReader | 'other-content' | 'unusable'> {
    const found = await this.tryOpen(target);
    if (found instanceof SqliteFtsReader) return found;
    return found === 'other-content' || found === 'other-layout' ? 'other-content' : 'unusable';
  }

  async check(reader: SearchReader): Promise<IndexState> {
    const own = (reader as SqliteFtsReader).signature;
    const now = await signatureOf(this.file);
    if (!now) return 'missing';
    if (sameSignature(own, now)) return 'current';
    // The same file changed under the reader: it was written in place, so it is damaged.
    return now.ino === own.ino ? 'broken' : 'replaced';
  }

  /** Closes every reader, each once its searches are done; a closed reader leaves the set. */
  async close(): Promise<void> {
    await Promise.all([...this.readers].map((r) => r.close().catch(() => undefined)));
  }

  /**
   * Writes the index for `target` under the write lock: with `sync`, item by item when the
   * file holds other content of the same layout (and not at all when another process wrote
   * it meanwhile); with `rebuild`, from scratch.
   */
  private write(target: IndexTarget, mode: 'sync' | 'rebuild'): Promise<SearchReader> {
    return withWriteLock(this.file, async () => {
      await removeStaleTemps(this.file);
      const found = await this.tryOpen(target);
      if (found instanceof SqliteFtsReader) {
        if (mode === 'sync') return found;
        await found.close();
      }
      const incremental = mode === 'sync' && found === 'other-content';
      const temp = tempPath(this.file);
      try {
        if (incremental) await this.update(temp, target);
        else await this.build(temp, target);
        await install(temp, this.file);
      } finally {
        for (const left of [temp, `${temp}-journal`, `${temp}.sum`])
          await fs.rm(left, { force: true });
      }
      this.trusted = await signatureOf(this.file);
      const written = await this.tryOpen(target, incremental ? 'updated' : 'built');
      if (!(written instanceof SqliteFtsReader))
        throw new SearchUnavailableError(`the search index just written is ${written}`);
      return written;
    });
  }

  /** A new index file holding every document of `target`. */
  private async build(temp: string, target: IndexTarget): Promise<void> {
    const db = await SqliteDb.open(temp);
    try {
      await createSchema(db);
      const documents = target.documents([...target.items.keys()]);
      const known = new Set(documents.flatMap(documentWords));
      await db.exec('BEGIN');
      await insertDocuments(db, documents, target.items, new Partitions(target.types), (w) =>
        known.has(w),
      );
      await writeMeta(db, target);
      await db.exec(
        "INSERT INTO fts (fts) VALUES ('optimize'); INSERT INTO fts_title (fts_title) VALUES ('optimize'); INSERT INTO fts_head (fts_head) VALUES ('optimize')",
      );
      await refreshTerms(db);
      await db.exec('COMMIT');
    } finally {
      await db.close();
    }
  }

  /** A copy of the current file with exactly the changed items rewritten. */
  private async update(temp: string, target: IndexTarget): Promise<void> {
    await fs.copyFile(this.file, temp);
    const db = await SqliteDb.open(temp);
    try {
      await db.exec('BEGIN');
      const { remove, write } = await itemChanges(db, target);
      await removeItems(db, remove);
      const documents = target.documents(write);
      const known = new Set(
        (await db.all<{ word: string }>('SELECT word FROM words')).map((w) => w.word),
      );
      documents.forEach((d) => documentWords(d).forEach((w) => known.add(w)));
      await insertDocuments(db, documents, target.items, new Partitions(target.types), (w) =>
        known.has(w),
      );
      await writeMeta(db, target);
      await refreshTerms(db);
      await db.exec('COMMIT');
    } finally {
      await db.close();
    }
  }

  /**
   * Opens a reader on the file when it holds exactly `target` and matches its checksum;
   * otherwise says why not. The file is checked before and after, so the reader is known to
   * be on the file that was verified.
   */
  private async tryOpen(
    target: IndexTarget,
    opened: SearchReader['opened'] = 'found',
  ): Promise<SqliteFtsReader | Unfit> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const before = await signatureOf(this.file);
      if (!before) return 'missing';
      let pool: SqlitePool;
      try {
        pool = await SqlitePool.open(this.file, READERS, (c) =>
          // mmap shares the OS page cache between the connections; a lock another process
          // holds on the file is waited for, not failed on.
          c.exec(
            'PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -32768; PRAGMA busy_timeout = 10000',
          ),
        );
      } catch {
        return 'damaged';
      }
      const verdict = await this.verify(pool, before, target).catch((): Unfit => 'damaged');
      const after = await signatureOf(this.file);
      if (verdict === 'ok' && sameSignature(before, after)) {
        const vocab = await IndexVocabulary.load(pool.primary).catch(async (error: unknown) => {
          await pool.close().catch(() => undefined);
          throw error;
        });
        const reader = new SqliteFtsReader(
          target.version,
          opened,
          before,
          pool,
          vocab,
          target.synonyms,
          new Partitions(target.types),
          this.options.memoryIndexDocs ?? MEMORY_INDEX_DOCS,
          () => this.readers.delete(reader),
        );
        this.readers.add(reader);
        return reader;
      }
      await pool.close().catch(() => undefined);
      if (verdict !== 'ok' && sameSignature(before, after)) return verdict;
    }
    return 'damaged';
  }

  private async verify(
    pool: SqlitePool,
    signature: FileSignature,
    target: IndexTarget,
  ): Promise<'ok' | Unfit> {
    const meta = await readMeta(pool.primary);
    if (
      !meta ||
      meta.format !== INDEX_FORMAT ||
      JSON.stringify(meta.types) !== JSON.stringify(target.types)
    )
      return 'other-layout';
    if (!sameSignature(signature, this.trusted)) {
      const [sum, actual] = await Promise.all([readChecksum(this.file), checksumOf(this.file)]);
      if (sum !== actual) return 'damaged';
      this.trusted = signature;
    }
    return meta.fingerprint === target.fingerprint ? 'ok' : 'other-content';
  }
}
