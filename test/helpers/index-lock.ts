import path from 'node:path';
import sqlite3 from 'sqlite3';

export interface HeldLock {
  release(): Promise<void>;
}

/** Holds an SQLite lock on `file` (`begin` says which) until `release` is called. */
function holdLock(file: string, begin: 'BEGIN EXCLUSIVE' | 'BEGIN IMMEDIATE'): Promise<HeldLock> {
  const db = new sqlite3.Database(file);
  const exec = (sql: string) =>
    new Promise<void>((resolve, reject) => db.exec(sql, (e) => (e ? reject(e) : resolve())));
  return exec(begin).then(() => ({
    release: () =>
      exec('ROLLBACK').then(
        () => new Promise<void>((resolve, reject) => db.close((e) => (e ? reject(e) : resolve()))),
      ),
  }));
}

/**
 * Holds an exclusive lock on the embedded search index in `dataDir`, as another process
 * writing it would, so that searches wait on it until `release` is called.
 */
export const lockSearchIndex = (dataDir: string): Promise<HeldLock> =>
  holdLock(path.join(dataDir, 'search.sqlite'), 'BEGIN EXCLUSIVE');

/**
 * Holds the index's write lock (`search.sqlite.lock`, see src/search/sqlite-fts/index-file.ts)
 * as another process writing the index would, so the server's own rebuild waits for it.
 */
export const holdIndexWriteLock = (dataDir: string): Promise<HeldLock> =>
  holdLock(path.join(dataDir, 'search.sqlite.lock'), 'BEGIN IMMEDIATE');
